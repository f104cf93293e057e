package org.tcc.consultation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tcc.contracts.Country;
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

    /**
     * Up to {@code limit} of the consultations {@code country} takes part in, newest first, skipping {@code offset};
     * {@code phase} null means any.
     */
    public List<ConsultationEntity> listVisible(Country country, ConsultationPhase phase, int offset, int limit) {
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

    /** The consultations of these alerts, with their participants, in one query (a polled batch's alerts). */
    public List<ConsultationEntity> findByAlerts(List<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return find("select distinct c from ConsultationEntity c left join fetch c.participants "
                + "where c.alertId in :alerts", Parameters.with("alerts", alertIds)).list();
    }

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
