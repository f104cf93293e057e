package org.tcc.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/** A client's Idempotency-Key and the alert its first request created. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "subject") String subject, @Column(name = "idem_key") String key)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    /**
     * The two-key advisory lock space of idempotency keys (the one-key locks of fusion and of the outbox relay are a
     * separate space in PostgreSQL).
     */
    private static final int LOCK_SPACE = 0x1DE0;

    /**
     * Claims {@code key} of {@code subject} for the current transaction, without waiting: false when a concurrent
     * request with the same key holds it, which must then be told to retry rather than race the insert.
     */
    public static boolean claim(String subject, String key) {
        Object claimed = getEntityManager().createNativeQuery(
                        "SELECT pg_try_advisory_xact_lock(?1, hashtext(?2 || chr(1) || ?3))")
                .setParameter(1, LOCK_SPACE).setParameter(2, subject).setParameter(3, key).getSingleResult();
        return Boolean.TRUE.equals(claimed);
    }

    public static Optional<IdempotencyKey> find(String subject, String key) {
        return findByIdOptional(new Key(subject, key));
    }

    public static void remember(String subject, String key, String requestHash, UUID alertId) {
        IdempotencyKey row = new IdempotencyKey();
        row.key = new Key(subject, key);
        row.requestHash = requestHash;
        row.alertId = alertId;
        row.persist();
    }
}
