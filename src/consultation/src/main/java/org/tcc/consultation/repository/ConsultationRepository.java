package org.tcc.consultation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tcc.consultation.domain.CrisisGrouping;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.consultation.ConsultationPhase;

/** Consultations, always read through the caller's participation: others' consultations do not exist for them. */
@ApplicationScoped
public class ConsultationRepository implements PanacheRepositoryBase<ConsultationEntity, UUID> {

    /** The consultation if {@code country} takes part in it; otherwise empty, exactly as if it did not exist. */
    public Optional<ConsultationEntity> findVisible(UUID id, Country country) {
        return find("select c from ConsultationEntity c where c.id = :id and exists "
                        + "(select p from ParticipantEntity p where p.consultation = c and p.country = :country)",
                Parameters.with("id", id).and("country", country)).firstResultOptional();
    }

    /** The position of a consultation in the list order (newest first): what a page continues after. */
    public record Position(Instant convenedAt, UUID id) {
    }

    /**
     * Up to {@code limit} of the consultations {@code country} takes part in, newest first, after {@code after}
     * (null: from the newest), by keyset on (convenedAt, id), which index consultation_convened_at serves;
     * {@code phase} null means any.
     */
    public List<ConsultationEntity> listVisible(Country country, ConsultationPhase phase, Position after, int limit) {
        StringBuilder query = new StringBuilder("select c from ConsultationEntity c where exists "
                + "(select p from ParticipantEntity p where p.consultation = c and p.country = :country)");
        Parameters params = Parameters.with("country", country);
        if (phase != null) {
            query.append(" and c.phase = :phase");
            params.and("phase", phase);
        }
        if (after != null) {
            query.append(" and (c.convenedAt < :at or (c.convenedAt = :at and c.id < :id))");
            params.and("at", after.convenedAt()).and("id", after.id());
        }
        query.append(" order by c.convenedAt desc, c.id desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    /**
     * The deprecated page/size form of the list (kept for API v1 only, docs/api.md "Changes in this version"):
     * {@code offset} skips that many. The one OFFSET query left; dropped with the form in v2.
     */
    @Deprecated
    public List<ConsultationEntity> listVisibleByOffset(Country country, ConsultationPhase phase, int offset,
                                                        int limit) {
        StringBuilder query = new StringBuilder("select c from ConsultationEntity c where exists "
                + "(select p from ParticipantEntity p where p.consultation = c and p.country = :country)");
        Parameters params = Parameters.with("country", country);
        if (phase != null) {
            query.append(" and c.phase = :phase");
            params.and("phase", phase);
        }
        query.append(" order by c.convenedAt desc, c.id desc");
        return find(query.toString(), params).range(offset, offset + limit - 1).list();
    }

    /**
     * The consultation links of these alerts, each with its consultation and the participants, in one query (a
     * polled batch's alerts); keyed by alert id.
     */
    public Map<UUID, ConsultationAlertEntity> findAlertLinks(List<UUID> alertIds) {
        Map<UUID, ConsultationAlertEntity> links = new HashMap<>();
        if (alertIds.isEmpty()) {
            return links;
        }
        getEntityManager().createQuery("select a from ConsultationAlertEntity a join fetch a.consultation c "
                        + "left join fetch c.participants where a.alertId in :alerts", ConsultationAlertEntity.class)
                .setParameter("alerts", alertIds).getResultList().forEach(a -> links.put(a.alertId, a));
        return links;
    }

    /**
     * Takes the transaction-scoped lock of each crisis key, in one order (so two batches cannot deadlock), before
     * anything of them is read: only one transaction at a time decides whether an alert of a crisis joins an open
     * consultation or convenes one, so two batches cannot both convene one for the same crisis. The locks are
     * PostgreSQL advisory locks with two 32-bit keys ({@code CRISIS_LOCK_SPACE}, a hash of the key), a space apart
     * from the audit chain's and the outbox relay's one-key locks; two keys sharing a hash only share the lock.
     */
    public void lockCrises(Collection<CrisisGrouping.Key> keys) {
        int[] hashes = keys.stream().mapToInt(ConsultationRepository::lockHash).distinct().sorted().toArray();
        for (int hash : hashes) {
            getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1, ?2)")
                    .setParameter(1, CRISIS_LOCK_SPACE).setParameter(2, hash)
                    .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        }
    }

    private static final int CRISIS_LOCK_SPACE = 0x7CC0_C215;

    static int lockHash(CrisisGrouping.Key key) {
        return (key.type().name() + "/" + key.region().name() + "/" + key.status().name()).hashCode();
    }

    /** An open policy consultation of a crisis key, with the span of its alerts' {@code raisedAt}. */
    public record OpenCrisis(ConsultationEntity consultation, Instant firstAlertAt, Instant lastAlertAt) {
    }

    /**
     * The open (CONVENING, IN_SESSION, PROPOSED) consultations convened by policy on any of these crisis keys, with
     * their participants and the span of their alerts, in two queries.
     */
    public List<OpenCrisis> openCrises(Collection<CrisisGrouping.Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Set<AlertType> types = keys.stream().map(CrisisGrouping.Key::type).collect(Collectors.toSet());
        Set<Region> regions = keys.stream().map(CrisisGrouping.Key::region).collect(Collectors.toSet());
        Set<TrafficStatus> statuses = keys.stream().map(CrisisGrouping.Key::status).collect(Collectors.toSet());
        List<ConsultationEntity> open = getEntityManager().createQuery("select c from ConsultationEntity c "
                        + "left join fetch c.participants where c.alertId is not null and c.convenedBySubject is null "
                        + "and c.phase in :open and c.type in :types and c.region in :regions "
                        + "and c.trafficStatus in :statuses", ConsultationEntity.class)
                .setParameter("open", OPEN).setParameter("types", types).setParameter("regions", regions)
                .setParameter("statuses", statuses).getResultList().stream()
                .filter(c -> keys.contains(new CrisisGrouping.Key(c.type, c.region, c.trafficStatus))).toList();
        return open.stream().filter(c -> c.firstAlertAt != null)
                .map(c -> new OpenCrisis(c, c.firstAlertAt, c.lastAlertAt)).toList();
    }

    private static final List<ConsultationPhase> OPEN =
            List.of(ConsultationPhase.CONVENING, ConsultationPhase.IN_SESSION, ConsultationPhase.PROPOSED);

    /**
     * Locks the consultation with the earliest deadline due at {@code now} that no other transaction holds
     * ({@code FOR UPDATE SKIP LOCKED}): several replicas share the work, none escalates the same one twice.
     */
    public Optional<UUID> lockNextDue(Instant now, Set<UUID> skip) {
        // UUIDs are parsed values, never caller text: safe to inline
        String skipped = skip.isEmpty() ? "" : skip.stream().map(id -> "'" + id + "'")
                .collect(Collectors.joining(",", " AND id NOT IN (", ")"));
        @SuppressWarnings("unchecked")
        List<Object> ids = getEntityManager().createNativeQuery(
                        "SELECT id FROM consultation WHERE next_due_at <= ?1" + skipped + " ORDER BY next_due_at, id "
                                + "LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).getResultList();
        return ids.stream().findFirst().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString()));
    }

    /** Records an escalation; false when this very deadline was already escalated. */
    public boolean recordEscalation(UUID consultationId, Country country, String missed, Instant dueAt,
                                    String fromLevel, String toLevel, Instant at) {
        return getEntityManager().createNativeQuery(
                        "INSERT INTO escalation (consultation_id, country, missed, due_at, from_level, to_level, "
                                + "escalated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                .setParameter(1, consultationId).setParameter(2, country.name()).setParameter(3, missed)
                .setParameter(4, dueAt).setParameter(5, fromLevel).setParameter(6, toLevel).setParameter(7, at)
                .executeUpdate() == 1;
    }
}
