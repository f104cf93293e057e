package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcc.contracts.Country;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, Long> {

    /**
     * Locks up to {@code limit} due escalations for this transaction; rows another replica holds are skipped, so
     * each escalation step is taken by exactly one replica.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Escalation> lockDue(Instant now, int limit) {
        List<Object> ids = getEntityManager().createNativeQuery("""
                        SELECT id FROM escalation WHERE state = 'ACTIVE' AND next_at <= ?1
                        ORDER BY next_at LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(list("id in ?1", ids.stream().map(id -> ((Number) id).longValue()).toList()));
    }

    /** The watches of these alerts, by alert and country (one query). */
    public Map<String, Map<Country, Escalation>> ofAlerts(Collection<String> alertIds) {
        Map<String, Map<Country, Escalation>> watches = new HashMap<>();
        for (Escalation e : list("alertId in ?1", alertIds)) {
            watches.computeIfAbsent(e.alertId, id -> new EnumMap<>(Country.class)).put(e.country, e);
        }
        return watches;
    }

    /** Starts watching {@code country} unless it is already watched (or was, and stopped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startIfAbsent(String alertId, Country country, String snapshot, Instant nextAt, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO escalation (alert_id, country, chain_step, state, next_at, alert_snapshot,
                                                created_at, updated_at)
                        VALUES (?1, ?2, 'LIAISON', 'ACTIVE', ?3, ?4, ?5, ?5)
                        ON CONFLICT (alert_id, country) DO NOTHING""")
                .setParameter(1, alertId).setParameter(2, country.name()).setParameter(3, nextAt)
                .setParameter(4, snapshot).setParameter(5, now).executeUpdate();
    }

    /** Keeps the latest snapshot on the alert's active escalations (for the notices of later steps). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshSnapshot(String alertId, String snapshot, Instant now) {
        update("alertSnapshot = ?1, updatedAt = ?2 where alertId = ?3 and state = ?4", snapshot, now, alertId,
                Escalation.State.ACTIVE);
    }

    /** Stops the escalations of {@code countries} (all countries when null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int stop(String alertId, Collection<Country> countries, Instant now) {
        if (countries == null) {
            return update("state = ?1, updatedAt = ?2 where alertId = ?3 and state = ?4", Escalation.State.STOPPED,
                    now, alertId, Escalation.State.ACTIVE);
        }
        if (countries.isEmpty()) {
            return 0;
        }
        return update("state = ?1, updatedAt = ?2 where alertId = ?3 and state = ?4 and country in ?5",
                Escalation.State.STOPPED, now, alertId, Escalation.State.ACTIVE, new ArrayList<>(countries));
    }
}
