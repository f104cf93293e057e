package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcc.contracts.Country;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntry, Long> {

    /**
     * Locks the streams of {@code countries} until the transaction ends, in one statement and in country order (the
     * order every writer uses, so writers cannot deadlock); returns each one's last sequence number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<Country, Long> lockStreams(Collection<Country> countries) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT country, last_seq FROM country_stream WHERE country IN (?1) ORDER BY country
                        FOR UPDATE""")
                .setParameter(1, countries.stream().map(Enum::name).toList()).getResultList();
        Map<Country, Long> last = new EnumMap<>(Country.class);
        for (Object[] row : rows) {
            last.put(Country.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return last;
    }

    /** Which of {@code sourceKeys} already have an entry in which of {@code countries}, as "COUNTRY/sourceKey". */
    public Set<String> notified(Collection<Country> countries, Collection<String> sourceKeys) {
        Set<String> found = new HashSet<>();
        getEntityManager().createQuery("""
                        select n.country, n.sourceKey from NotificationEntry n
                        where n.country in :countries and n.sourceKey in :keys""", Object[].class)
                .setParameter("countries", countries).setParameter("keys", sourceKeys).getResultList()
                .forEach(row -> found.add(row[0] + "/" + row[1]));
        return found;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advanceStream(Country country, long seq) {
        getEntityManager().createNativeQuery("UPDATE country_stream SET last_seq = ?2 WHERE country = ?1")
                .setParameter(1, country.name()).setParameter(2, seq).executeUpdate();
    }

    public long lastSeq(Country country) {
        return ((Number) getEntityManager()
                .createNativeQuery("SELECT last_seq FROM country_stream WHERE country = ?1")
                .setParameter(1, country.name()).getSingleResult()).longValue();
    }

    public boolean exists(Country country, String sourceKey) {
        return count("country = ?1 and sourceKey = ?2", country, sourceKey) > 0;
    }

    /** The entries with these ids, by id (one query). */
    public Map<Long, NotificationEntry> byIds(Collection<Long> ids) {
        Map<Long, NotificationEntry> found = new HashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", new HashSet<>(ids)).forEach(e -> found.put(e.id, e));
        }
        return found;
    }

    /**
     * The latest version of each of these alerts that each country's stream carried, by "COUNTRY/alertId" (one
     * query): what a later escalation step tells.
     */
    @SuppressWarnings("unchecked")
    public Map<String, org.tcc.contracts.events.alert.AlertState> latestAlertVersions(Collection<String> alertIds) {
        Map<String, org.tcc.contracts.events.alert.AlertState> latest = new HashMap<>();
        if (alertIds.isEmpty()) {
            return latest;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT DISTINCT ON (country, alert_id) country, alert_id, payload FROM notification
                        WHERE alert_id IN (?1) AND kind = 'ALERT' ORDER BY country, alert_id, seq DESC""")
                .setParameter(1, alertIds).getResultList();
        for (Object[] row : rows) {
            com.fasterxml.jackson.databind.JsonNode alert = org.tcc.contracts.Json.read(
                    ((String) row[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    com.fasterxml.jackson.databind.JsonNode.class).path("event").path("alert");
            if (!alert.isMissingNode()) {
                latest.put(row[0] + "/" + row[1], org.tcc.contracts.Json.mapper().convertValue(alert,
                        org.tcc.contracts.events.alert.AlertState.class));
            }
        }
        return latest;
    }

    /** The entries of {@code country}'s stream after {@code seq}, in order. */
    public List<NotificationEntry> after(Country country, long seq, int limit) {
        return find("country = ?1 and seq > ?2 order by seq", country, seq).page(0, limit).list();
    }
}
