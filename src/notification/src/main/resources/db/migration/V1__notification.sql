-- Notification service: recipients directory, per-country notification streams, the delivery log, dead letters and
-- acknowledgement escalations.

CREATE TABLE recipient (
    id             UUID         PRIMARY KEY,
    country        VARCHAR(3)   NOT NULL,
    name           VARCHAR(128) NOT NULL,            -- realm username or a label (e.g. "jp-senior")
    chain_step     VARCHAR(24)  NOT NULL CHECK (chain_step IN ('LIAISON', 'DUTY_OFFICER', 'SENIOR_OFFICIAL')),
    email          VARCHAR(320),
    webhook_url    VARCHAR(2048),
    webhook_secret VARCHAR(256),
    stream         BOOLEAN      NOT NULL DEFAULT TRUE,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT recipient_country_name UNIQUE (country, name),
    CONSTRAINT recipient_webhook_has_secret CHECK (webhook_url IS NULL OR webhook_secret IS NOT NULL)
);

-- The last sequence number of each country's stream. Taking the row lock serialises the writers of one country, so
-- sequence numbers commit in order and without gaps: a reader that saw N has seen everything below N.
CREATE TABLE country_stream (
    country  VARCHAR(3) PRIMARY KEY,
    last_seq BIGINT     NOT NULL
);
INSERT INTO country_stream (country, last_seq) VALUES ('USA', 0), ('KOR', 0), ('JPN', 0);

-- One notification per (country, source): what the country's stream carries and every channel sends.
CREATE TABLE notification (
    id                BIGSERIAL    PRIMARY KEY,
    country           VARCHAR(3)   NOT NULL,
    seq               BIGINT       NOT NULL,         -- the SSE event id
    source_key        VARCHAR(200) NOT NULL,         -- the source event id, or a derived key for escalations
    source_event_id   VARCHAR(128) NOT NULL,
    source_event_type VARCHAR(160) NOT NULL,
    kind              VARCHAR(32)  NOT NULL,
    chain_step        VARCHAR(24)  NOT NULL,
    alert_id          VARCHAR(64),
    consultation_id   VARCHAR(128),
    traffic_status    VARCHAR(16)  NOT NULL,
    title             TEXT         NOT NULL,
    payload           TEXT         NOT NULL,         -- JSON document sent on every channel
    created_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT notification_country_seq UNIQUE (country, seq),
    CONSTRAINT notification_country_source UNIQUE (country, source_key)
);

-- The delivery log: one row per (source, recipient, channel), never two.
CREATE TABLE delivery (
    id                UUID          PRIMARY KEY,
    notification_id   BIGINT        NOT NULL REFERENCES notification (id),
    source_key        VARCHAR(200)  NOT NULL,
    recipient_id      UUID          NOT NULL REFERENCES recipient (id),
    recipient_name    VARCHAR(128)  NOT NULL,
    country           VARCHAR(3)    NOT NULL,
    channel           VARCHAR(16)   NOT NULL CHECK (channel IN ('STREAM', 'WEBHOOK', 'EMAIL')),
    target            VARCHAR(2048),                 -- address or URL at planning time; null for STREAM
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts          INT           NOT NULL DEFAULT 0,
    priority          SMALLINT      NOT NULL,        -- 0: affected country, served first
    next_attempt_at   TIMESTAMPTZ,
    lease_until       TIMESTAMPTZ,                   -- a worker is attempting it until then
    last_error        TEXT,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    sent_at           TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (source_key, recipient_id, channel)
);
CREATE INDEX delivery_due ON delivery (priority, next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX delivery_country_created ON delivery (country, created_at DESC);
CREATE INDEX delivery_notification ON delivery (notification_id);

CREATE TABLE dead_letter (
    id           BIGSERIAL    PRIMARY KEY,
    delivery_id  UUID         NOT NULL UNIQUE REFERENCES delivery (id),
    country      VARCHAR(3)   NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    target       VARCHAR(2048),
    attempts     INT          NOT NULL,
    reason       TEXT         NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);

-- Acknowledgement escalation of one country for one Severe/Extreme alert.
CREATE TABLE escalation (
    id                BIGSERIAL    PRIMARY KEY,
    alert_id          VARCHAR(64)  NOT NULL,
    country           VARCHAR(3)   NOT NULL,
    chain_step        VARCHAR(24)  NOT NULL,         -- the last step notified
    state             VARCHAR(16)  NOT NULL CHECK (state IN ('ACTIVE', 'STOPPED', 'EXHAUSTED')),
    next_at           TIMESTAMPTZ  NOT NULL,
    alert_snapshot    TEXT         NOT NULL,         -- latest AlertState JSON
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT escalation_once UNIQUE (alert_id, country)
);
CREATE INDEX escalation_due ON escalation (next_at) WHERE state = 'ACTIVE';
