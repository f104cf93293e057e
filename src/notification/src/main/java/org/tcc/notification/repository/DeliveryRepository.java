package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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
     * Claims up to {@code limit} due deliveries for this worker until {@code leaseUntil}, counting the attempt, in
     * one statement. {@code FOR UPDATE SKIP LOCKED} lets several replicas claim side by side without ever taking the
     * same one; affected countries' deliveries come first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Object> ids = getEntityManager().createNativeQuery("""
                        UPDATE delivery SET lease_until = ?2, attempts = attempts + 1, updated_at = ?1
                        WHERE id IN (SELECT id FROM delivery
                                     WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?1
                                       AND (lease_until IS NULL OR lease_until < ?1)
                                     ORDER BY priority, next_attempt_at
                                     LIMIT ?3
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return byIds(ids.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList());
    }

    /**
     * Lets a delivery still waiting (never attempted, not claimed) carry a newer notification instead; {@code false}
     * when a worker claimed it meanwhile (then it goes out with the version it had). One conditional statement, so
     * a concurrent claim and this replacement can never both win.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replaceWaiting(UUID id, long notificationId, String sourceKey, String digest, String target,
                                  short priority, String language, Instant now) {
        return getEntityManager().createNativeQuery("""
                        UPDATE delivery SET notification_id = ?2, source_key = ?3, digest = ?4, target = ?5,
                                            priority = LEAST(priority, ?6), updated_at = ?7, language = ?8
                        WHERE id = ?1 AND status = 'PENDING' AND attempts = 0 AND lease_until IS NULL""")
                .setParameter(1, id).setParameter(2, notificationId).setParameter(3, sourceKey)
                .setParameter(4, digest).setParameter(5, target).setParameter(6, priority).setParameter(7, now)
                .setParameter(8, language).executeUpdate() == 1;
    }

    /** The deliveries with these ids (one query). */
    public List<Delivery> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** The key under which {@link #latestOfAlerts} files a delivery. */
    public static String coalescingKey(String alertId, UUID recipientId, Channel channel) {
        return alertId + "/" + recipientId + "/" + channel;
    }

    /**
     * The latest delivery of each of these alerts per (recipient, channel), by {@link #coalescingKey} (one query):
     * what a new version of the alert is coalesced with.
     */
    public Map<String, Delivery> latestOfAlerts(Collection<String> alertIds) {
        Map<String, Delivery> latest = new HashMap<>();
        if (alertIds.isEmpty()) {
            return latest;
        }
        for (Delivery d : list("alertId in ?1 order by createdAt", alertIds)) {
            latest.put(coalescingKey(d.alertId, d.recipientId, d.channel), d);
        }
        return latest;
    }

    /** The position of a delivery in the log's order (newest first). */
    public record Position(Instant createdAt, UUID id) {
    }

    /**
     * Up to {@code limit} deliveries matching {@code filter}, newest first, after {@code after} (null: from the
     * newest), by keyset on (createdAt, id).
     */
    public List<Delivery> search(Filter filter, Position after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (after != null) {
            query.append(" and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))");
            params.and("afterAt", after.createdAt()).and("afterId", after.id());
        }
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
        query.append(" order by createdAt desc, id desc");
        Map<String, Object> map = params.map();
        return find(query.toString(), map).page(0, limit).list();
    }
}
