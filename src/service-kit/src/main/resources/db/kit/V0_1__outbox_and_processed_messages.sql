-- Shared by every TCC service (location db/kit): the transactional outbox and the idempotent-consumer log.
-- Kit migrations are numbered 0.x so that each service's own migrations (1, 2, ...) follow them.

CREATE TABLE outbox_event (
    id             BIGSERIAL    PRIMARY KEY,          -- publication order
    event_id       UUID         NOT NULL UNIQUE,      -- CloudEvents id
    aggregate_type VARCHAR(160) NOT NULL,             -- the topic, i.e. the kind of aggregate
    aggregate_id   VARCHAR(128) NOT NULL,             -- Kafka key
    event_type     VARCHAR(160) NOT NULL,             -- CloudEvents type
    topic          VARCHAR(160) NOT NULL,
    payload        TEXT         NOT NULL,             -- JSON, validated against its schema before it gets here
    occurred_at    TIMESTAMPTZ  NOT NULL,
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;

CREATE TABLE processed_message (
    consumer     VARCHAR(128) NOT NULL,
    message_id   VARCHAR(256) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
