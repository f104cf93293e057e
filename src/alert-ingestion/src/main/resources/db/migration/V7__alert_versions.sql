-- Every version of every alert, written in the same transaction as the version's event (outbox row): the
-- version's summary (what changed, who changed it, severity, lifecycle, headline, affected countries) as JSON.
-- Alerts raised before this migration have no rows for the versions they had then.
CREATE TABLE alert_version (
    alert_id   UUID        NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    version    BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    entry      JSONB       NOT NULL,
    PRIMARY KEY (alert_id, version)
);
