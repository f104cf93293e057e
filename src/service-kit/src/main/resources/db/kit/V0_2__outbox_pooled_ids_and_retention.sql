-- Outbox ids are allocated by the service 50 at a time (Hibernate's pooled optimizer), so a transaction's events go
-- to the database in one JDBC batch instead of one INSERT round trip each (an IDENTITY id forces that).
ALTER SEQUENCE outbox_event_id_seq INCREMENT BY 50;

-- Housekeeping deletes published events after their retention and processed ids after theirs.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX processed_message_processed_at ON processed_message (processed_at);
