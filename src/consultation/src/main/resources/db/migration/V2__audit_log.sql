-- The audit log: append-only and hash-chained (see docs/consultation.md, "Audit chain").
-- seq is gapless (assigned under a transaction-scoped advisory lock), so a removed entry shows as a gap.
CREATE TABLE audit_entry (
    seq             BIGINT       PRIMARY KEY CHECK (seq > 0),
    at              TIMESTAMPTZ  NOT NULL,
    consultation_id UUID,
    subject         VARCHAR(128) NOT NULL,            -- token subject, or the service for policy and deadline actions
    country         VARCHAR(3),
    action          VARCHAR(32)  NOT NULL,
    phase_before    VARCHAR(16),
    phase_after     VARCHAR(16),
    details         TEXT         NOT NULL,            -- JSON object, stored verbatim because it is hashed verbatim
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL UNIQUE
);
CREATE INDEX audit_entry_consultation ON audit_entry (consultation_id, seq);
CREATE INDEX audit_entry_at ON audit_entry (at, seq);
CREATE INDEX audit_entry_country ON audit_entry (country, seq);

-- PostgreSQL refuses to change or remove entries, whoever asks (short of disabling the trigger)...
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

-- ...and the service's own role (which runs this migration and so owns the table) holds no such privilege.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM CURRENT_USER;
