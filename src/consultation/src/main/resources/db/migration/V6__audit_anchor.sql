-- The audit log survives its own service (docs/security.md, "Audit chain"). The service runs as ${app_role}, which
-- neither owns audit_entry nor may change or remove a row: it can only append and read. The owner (Flyway's role)
-- could still rewrite the chain, which is why the chain is anchored outside the database by signed checkpoints.
REVOKE ALL ON audit_entry FROM ${app_role};
GRANT SELECT, INSERT ON audit_entry TO ${app_role};

-- The checkpoints this service signed and published (tcc.audit-checkpoints.v1): where the next one starts. Kept
-- here only to know that; verify never trusts this table, it reads the checkpoints back from Kafka.
CREATE TABLE audit_checkpoint (
    last_seq    BIGINT       PRIMARY KEY CHECK (last_seq > 0),
    first_seq   BIGINT       NOT NULL CHECK (first_seq > 0 AND first_seq <= last_seq),
    head_hash   CHAR(64)     NOT NULL,
    signed_at   TIMESTAMPTZ  NOT NULL,
    key_id      VARCHAR(128) NOT NULL,
    signature   TEXT         NOT NULL
);
REVOKE ALL ON audit_checkpoint FROM ${app_role};
GRANT SELECT, INSERT ON audit_checkpoint TO ${app_role};
