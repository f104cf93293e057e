package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.tcc.contracts.Country;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntry, Long> {

    /**
     * Locks {@code country}'s stream until the transaction ends and returns its last sequence number. Every writer
     * of the stream takes this lock first, so numbers commit in order, without gaps.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long lockStream(Country country) {
        return ((Number) getEntityManager()
                .createNativeQuery("SELECT last_seq FROM country_stream WHERE country = ?1 FOR UPDATE")
                .setParameter(1, country.name()).getSingleResult()).longValue();
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

    /** The entries of {@code country}'s stream after {@code seq}, in order. */
    public List<NotificationEntry> after(Country country, long seq, int limit) {
        return find("country = ?1 and seq > ?2 order by seq", country, seq).page(0, limit).list();
    }
}
