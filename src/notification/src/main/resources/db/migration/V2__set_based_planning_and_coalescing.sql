-- Set-based planning: stream entries and escalation watches get ids 50 at a time from the service (Hibernate's pooled
-- optimizer), so a batch's rows go to the database in JDBC batches instead of one INSERT round trip each.
ALTER SEQUENCE notification_id_seq INCREMENT BY 50;
ALTER SEQUENCE escalation_id_seq INCREMENT BY 50;

-- E-mail and webhook deliveries are coalesced per (alert, recipient, channel): a newer version of an alert replaces a
-- pending delivery, and a later one is sent only when what a person acts on (its digest: severity, affected
-- countries, lifecycle) changed. The live stream needs no delivery row: it is the durable log itself.
ALTER TABLE delivery ADD COLUMN alert_id VARCHAR(64);
ALTER TABLE delivery ADD COLUMN digest VARCHAR(256);
CREATE INDEX delivery_alert_recipient ON delivery (alert_id, recipient_id, channel, created_at DESC)
    WHERE alert_id IS NOT NULL;

-- one consumer-id convention across services: <service>.<channel>
UPDATE processed_message SET consumer = 'notification.alerts' WHERE consumer = 'notification-alerts';
UPDATE processed_message SET consumer = 'notification.consultations' WHERE consumer = 'notification-consultations';
