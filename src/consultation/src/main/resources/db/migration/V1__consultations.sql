-- Consultations: one per alert at most (alert_id unique), or convened by hand (alert_id null).
CREATE TABLE consultation (
    id                  UUID         PRIMARY KEY,
    alert_id            UUID         UNIQUE,          -- one consultation per alert, however often its events arrive
    alert_version       BIGINT,                       -- newest alert snapshot applied (older ones are ignored)
    subject             VARCHAR(256) NOT NULL,
    type                VARCHAR(32)  NOT NULL,
    region              VARCHAR(32)  NOT NULL,
    traffic_status      VARCHAR(16)  NOT NULL,        -- ACTUAL | EXERCISE | TEST, carried from the alert
    level               VARCHAR(16)  NOT NULL,        -- WORKING | SENIOR | MINISTERIAL
    phase               VARCHAR(16)  NOT NULL,
    revision            BIGINT       NOT NULL,        -- the snapshot version carried by consultation events
    lock_version        BIGINT       NOT NULL,        -- optimistic lock
    convened_by_subject VARCHAR(128),
    convened_by_country VARCHAR(3),
    convened_at         TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    next_due_at         TIMESTAMPTZ,                  -- earliest running deadline: the escalation job's work list
    proposal_id         VARCHAR(64),                  -- the proposal on the table (or the last one)
    proposal_statement  TEXT,
    proposal_actions    TEXT,                         -- JSON array of strings
    proposed_by_subject VARCHAR(128),
    proposed_by_country VARCHAR(3),
    proposed_at         TIMESTAMPTZ,
    proposal_deadline   TIMESTAMPTZ,
    outcome             VARCHAR(64),
    close_reason        TEXT,
    closed_by_subject   VARCHAR(128),
    closed_by_country   VARCHAR(3)
);
CREATE INDEX consultation_next_due ON consultation (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX consultation_convened_at ON consultation (convened_at DESC, id DESC);

-- The invited countries, their progress and their running deadlines (they survive restarts).
CREATE TABLE consultation_participant (
    id              BIGSERIAL    PRIMARY KEY,
    consultation_id UUID         NOT NULL REFERENCES consultation (id),
    country         VARCHAR(3)   NOT NULL,
    join_due_at     TIMESTAMPTZ,
    joined_at       TIMESTAMPTZ,
    joined_by       VARCHAR(128),
    assessment      TEXT,
    position        TEXT,
    position_by     VARCHAR(128),
    position_at     TIMESTAMPTZ,
    response        VARCHAR(16),                      -- APPROVED | DECLINED | ABSTAINED to the current proposal
    response_reason TEXT,
    response_by     VARCHAR(128),
    response_at     TIMESTAMPTZ,
    respond_due_at  TIMESTAMPTZ,
    UNIQUE (consultation_id, country)
);
CREATE INDEX consultation_participant_country ON consultation_participant (country, consultation_id);

-- Escalations done: one per (consultation, country, kind of deadline, deadline), never repeated.
CREATE TABLE escalation (
    consultation_id UUID        NOT NULL REFERENCES consultation (id),
    country         VARCHAR(3)  NOT NULL,
    missed          VARCHAR(8)  NOT NULL,             -- JOIN | RESPOND
    due_at          TIMESTAMPTZ NOT NULL,
    from_level      VARCHAR(16) NOT NULL,
    to_level        VARCHAR(16) NOT NULL,
    escalated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consultation_id, country, missed, due_at)
);
