-- Observability (issue 14): each stream entry keeps the trace context of the consumed event that caused it and the
-- time that event reached the broker, so the live-stream write, the e-mail and the webhook call continue its trace and
-- the alert-event -> stream-write latency is measured. Both are written in the same insert; NULL for notices that no
-- consumed event caused (acknowledgement escalations).
ALTER TABLE notification ADD COLUMN trace_parent VARCHAR(55);
ALTER TABLE notification ADD COLUMN source_event_at TIMESTAMPTZ;
