-- Every sensor report applied, once: (sensor_id, report_id) is the deduplication key; seq is the arrival order
-- (a sensor's later report supersedes its earlier ones in the fused estimate).
CREATE TABLE sensor_report (
    sensor_id         VARCHAR(128) NOT NULL,
    report_id         VARCHAR(128) NOT NULL,
    seq               BIGSERIAL    NOT NULL UNIQUE,
    alert_id          UUID         NOT NULL REFERENCES alert (id),
    reporting_country VARCHAR(3)   NOT NULL,
    traffic_status    VARCHAR(16)  NOT NULL,
    detected_at       TIMESTAMPTZ  NOT NULL,
    payload           TEXT         NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (sensor_id, report_id)
);
CREATE INDEX sensor_report_detected_at ON sensor_report (detected_at);
CREATE INDEX sensor_report_alert ON sensor_report (alert_id, seq);

-- A retried POST with the same Idempotency-Key (per caller) returns the alert it created the first time.
CREATE TABLE idempotency_key (
    subject      VARCHAR(128) NOT NULL,
    idem_key     VARCHAR(128) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    alert_id     UUID         NOT NULL REFERENCES alert (id),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, idem_key)
);

-- The CAP identifier an alert was raised from, so a later CAP Update or Cancel referencing it finds it.
ALTER TABLE alert ADD COLUMN cap_identifier VARCHAR(256);
CREATE INDEX alert_cap_identifier ON alert (cap_identifier);
