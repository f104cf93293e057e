-- Every change to the recipients directory (who is reached, on which channels, at which escalation step), by whom
-- and for which country, with the recipient as it was before and after. Append-only: rows are never changed or
-- removed (the trigger refuses, and the service's role holds no UPDATE/DELETE/TRUNCATE on it).
CREATE TABLE directory_audit (
    id                BIGSERIAL    PRIMARY KEY,
    at                TIMESTAMPTZ  NOT NULL,
    actor             VARCHAR(128) NOT NULL,          -- token subject (preferred_username)
    actor_country     VARCHAR(3),                     -- the country of the actor's token
    actor_roles       VARCHAR(128) NOT NULL,          -- the actor's TCC roles, comma-separated
    action            VARCHAR(16)  NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DEACTIVATE')),
    recipient_id      UUID         NOT NULL,
    recipient_country VARCHAR(3)   NOT NULL,          -- whose directory changed: what scopes who may read the row
    chain_step        VARCHAR(24)  NOT NULL,          -- the step after the change
    before            TEXT,                           -- JSON of the recipient before (null on CREATE); never a secret
    after             TEXT         NOT NULL           -- JSON of the recipient after
);
CREATE INDEX directory_audit_country ON directory_audit (recipient_country, id);
CREATE INDEX directory_audit_recipient ON directory_audit (recipient_id, id);

CREATE FUNCTION directory_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'directory_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER directory_audit_no_update_delete BEFORE UPDATE OR DELETE ON directory_audit
    FOR EACH ROW EXECUTE FUNCTION directory_audit_append_only();
CREATE TRIGGER directory_audit_no_truncate BEFORE TRUNCATE ON directory_audit
    FOR EACH STATEMENT EXECUTE FUNCTION directory_audit_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON directory_audit FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON directory_audit FROM CURRENT_USER;
