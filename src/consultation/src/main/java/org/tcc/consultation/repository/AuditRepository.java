package org.tcc.consultation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.audit.AuditCheckpoint;

/** Reads and appends audit entries; it never updates or deletes (the database would refuse). */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntryEntity, Long> {

    /**
     * Filters of the audit log; null means "any". {@code from} inclusive, {@code to} exclusive. {@code visibleTo}
     * keeps only the entries of consultations that country takes part in (what its auditors may read).
     */
    public record Filter(Instant from, Instant to, String country, UUID consultationId, Country visibleTo) {

        public Filter(Instant from, Instant to, String country, UUID consultationId) {
            this(from, to, country, consultationId, null);
        }
    }

    private static final long CHAIN_LOCK_KEY = 0x7CC0_A0D1L;

    /** The newest entry's sequence number and hash. */
    public record Link(long seq, String hash) {
    }

    /**
     * Serializes appends until the transaction ends, so each entry links to the one committed before it. Flushes
     * nothing (the caller decides what goes to the database before the lock).
     */
    public void lockChain() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK_KEY)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
    }

    /** The chain's newest committed link, read without loading the entry; empty for an empty chain. */
    public Optional<Link> head() {
        return newestLink("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1");
    }

    /** The last checkpoint this service signed, as its own bookkeeping says (verify never relies on it). */
    public Optional<Link> lastCheckpoint() {
        return newestLink("SELECT last_seq, head_hash FROM audit_checkpoint ORDER BY last_seq DESC LIMIT 1");
    }

    /** The (sequence, hash) row a {@code ... LIMIT 1} query returns, if any. */
    private Optional<Link> newestLink(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(sql)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        return rows.stream().findFirst().map(r -> new Link(((Number) r[0]).longValue(), (String) r[1]));
    }

    /** Remembers a signed checkpoint (where the next one starts). */
    public void recordCheckpoint(AuditCheckpoint c) {
        getEntityManager().createNativeQuery("INSERT INTO audit_checkpoint (last_seq, first_seq, head_hash, signed_at,"
                        + " key_id, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, c.lastSeq()).setParameter(2, c.firstSeq()).setParameter(3, c.headHash())
                .setParameter(4, c.signedAt()).setParameter(5, c.keyId()).setParameter(6, c.signature())
                .executeUpdate();
    }

    /** Entries matching {@code filter} with {@code seq > after}, in chain order, at most {@code limit}. */
    public List<AuditEntryEntity> page(Filter filter, long after, int limit) {
        StringBuilder query = new StringBuilder("seq > :after");
        Parameters params = Parameters.with("after", after);
        if (filter.from() != null) {
            query.append(" and at >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and at < :to");
            params.and("to", filter.to());
        }
        if (filter.country() != null) {
            query.append(" and country = :country");
            params.and("country", filter.country());
        }
        if (filter.consultationId() != null) {
            query.append(" and consultationId = :consultation");
            params.and("consultation", filter.consultationId());
        }
        if (filter.visibleTo() != null) {
            query.append(" and exists (select p from ParticipantEntity p where p.consultation.id = consultationId"
                    + " and p.country = :visibleTo)");
            params.and("visibleTo", filter.visibleTo());
        }
        return find(query.toString(), Sort.by("seq"), params).page(0, limit).list();
    }
}
