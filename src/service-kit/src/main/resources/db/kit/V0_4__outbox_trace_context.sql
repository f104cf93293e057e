-- The W3C trace context (traceparent) of the transaction that appended the event, written in the same insert: the
-- relay continues that trace when it publishes the event (issue 14). NULL when the appending code ran outside a trace.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55);
