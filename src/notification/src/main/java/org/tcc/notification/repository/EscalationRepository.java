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
}
