package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.notification.Channel;
import org.tcc.contracts.events.notification.DeliveryStatus;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** Filters of the delivery log; null means any. */
    public record Filter(Country country, DeliveryStatus status, Channel channel, String alertId,
                         String consultationId, String recipient) {
    }

    /**
     * Claims up to {@code limit} due deliveries for this worker until {@code leaseUntil}, counting the attempt.
     * {@code FOR UPDATE SKIP LOCKED} lets several replicas claim side by side without ever taking the same one;
     * affected countries' deliveries come first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Object> ids = getEntityManager().createNativeQuery("""
                        SELECT id FROM delivery
                        WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?1
                          AND (lease_until IS NULL OR lease_until < ?1)
                        ORDER BY priority, next_attempt_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        List<Delivery> claimed = new ArrayList<>(ids.size());
        for (Object id : ids) {
            Delivery d = findById(id instanceof UUID u ? u : UUID.fromString(id.toString()));
            d.leaseUntil = leaseUntil;
            d.attempts++;
            d.updatedAt = now;
            claimed.add(d);
        }
        return claimed;
    }

    public List<Delivery> search(Filter filter, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.country() != null) {
            query.append(" and country = :country");
            params.and("country", filter.country());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.channel() != null) {
            query.append(" and channel = :channel");
            params.and("channel", filter.channel());
        }
        if (filter.recipient() != null) {
            query.append(" and recipientName = :recipient");
            params.and("recipient", filter.recipient());
        }
        if (filter.alertId() != null || filter.consultationId() != null) {
            query.append(" and notificationId in (select n.id from NotificationEntry n where 1 = 1");
            if (filter.alertId() != null) {
                query.append(" and n.alertId = :alertId");
                params.and("alertId", filter.alertId());
            }
            if (filter.consultationId() != null) {
                query.append(" and n.consultationId = :consultationId");
                params.and("consultationId", filter.consultationId());
            }
            query.append(")");
        }
        query.append(" order by createdAt desc, id");
        Map<String, Object> map = params.map();
        return find(query.toString(), map).page(0, limit).list();
    }
}
