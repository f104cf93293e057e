-- Alerts: raised by liaison officers or fused from sensor reports.
CREATE TABLE alert (
    id             UUID         PRIMARY KEY,
    version        BIGINT       NOT NULL,           -- optimistic lock, and the version carried by alert events
    origin         VARCHAR(16)  NOT NULL,           -- SENSOR | LIAISON
    origin_country VARCHAR(3)   NOT NULL,
    raised_by      VARCHAR(128) NOT NULL,           -- subject of the liaison, or the feed / sensor
    type           VARCHAR(32)  NOT NULL,
    region         VARCHAR(32)  NOT NULL,
    traffic_status VARCHAR(16)  NOT NULL,           -- ACTUAL | EXERCISE | TEST
    lifecycle      VARCHAR(16)  NOT NULL,           -- ACTIVE | CANCELLED | RESOLVED
    headline       VARCHAR(160) NOT NULL,
    description    TEXT,
    severity       VARCHAR(16)  NOT NULL,
    urgency        VARCHAR(16)  NOT NULL,
    certainty      VARCHAR(16)  NOT NULL,
    area_desc      TEXT,
    launch         TEXT,                            -- JSON LaunchEstimate of a sensor alert
    raised_at      TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX alert_raised_at ON alert (raised_at DESC, id DESC);

-- Which countries may see an alert (always includes the originating country).
CREATE TABLE alert_releasable_to (
    alert_id UUID       NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    country  VARCHAR(3) NOT NULL,
    PRIMARY KEY (alert_id, country)
);
CREATE INDEX alert_releasable_to_country ON alert_releasable_to (country, alert_id);

CREATE TABLE alert_affected_country (
    alert_id UUID       NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    country  VARCHAR(3) NOT NULL,
    PRIMARY KEY (alert_id, country)
);

-- One acknowledgement per (alert, country): repeating it changes nothing.
CREATE TABLE acknowledgement (
    alert_id        UUID         NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    country         VARCHAR(3)   NOT NULL,
    subject         VARCHAR(128) NOT NULL,
    acknowledged_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (alert_id, country)
);
