-- One consultation per crisis: a consultation convened by policy lists every alert of the crisis that joined it.
-- alert_id is the primary key, so an alert belongs to one consultation at most, however often its events arrive.
-- consultation.alert_id stays the founding alert (the one that convened it).
CREATE TABLE consultation_alert (
    alert_id        UUID        PRIMARY KEY,
    consultation_id UUID        NOT NULL REFERENCES consultation (id),
    ordinal         INT         NOT NULL,             -- 0 for the founding alert, then in the order they were added
    alert_version   BIGINT      NOT NULL,             -- newest alert snapshot applied (older ones are ignored)
    lifecycle       VARCHAR(16) NOT NULL,             -- ACTIVE | CANCELLED | RESOLVED, from that snapshot
    raised_at       TIMESTAMPTZ NOT NULL,             -- the alert's raisedAt: what the crisis window measures
    added_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (consultation_id, ordinal)
);

-- every consultation convened for an alert so far: that alert, as its founding one
INSERT INTO consultation_alert (alert_id, consultation_id, ordinal, alert_version, lifecycle, raised_at, added_at)
SELECT alert_id, id, 0, COALESCE(alert_version, 0),
       CASE WHEN phase = 'CANCELLED' THEN 'CANCELLED' ELSE 'ACTIVE' END, convened_at, convened_at
FROM consultation WHERE alert_id IS NOT NULL;

-- the alert version moved to consultation_alert (per alert)
ALTER TABLE consultation DROP COLUMN alert_version;

-- the open policy consultations of a crisis key, looked up for every alert that meets the convening policy
CREATE INDEX consultation_open_crisis ON consultation (type, region, traffic_status)
    WHERE alert_id IS NOT NULL AND phase IN ('CONVENING', 'IN_SESSION', 'PROPOSED');
