-- Observability (issue 14): an acknowledgement watch keeps the trace context (traceparent) of the alert event that
-- started it, written in the same insert as the watch; the scheduler's escalation span continues that trace, so the
-- duty officer's and the senior official's notices (stream, e-mail, webhook) belong to the report's trace. NULL for
-- watches started before this migration or by an event that carried no trace context.
ALTER TABLE escalation ADD COLUMN trace_parent VARCHAR(55);
