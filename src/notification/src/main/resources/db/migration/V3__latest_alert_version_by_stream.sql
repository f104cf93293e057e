-- An escalation step tells the latest version of its alert that the country's stream carried (instead of rewriting a
-- snapshot on every escalation watch at every refinement): found by alert id.
CREATE INDEX notification_alert ON notification (alert_id, country, seq DESC) WHERE alert_id IS NOT NULL;
