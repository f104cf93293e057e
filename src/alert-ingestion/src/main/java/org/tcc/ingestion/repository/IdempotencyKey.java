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
