package org.tcc.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * The idempotent-consumer log: {@code (consumer, message id)} is inserted in the handler's own transaction, so a
 * message is applied at most once whatever the redelivery, and two racing deliveries cannot both pass.
 */
@ApplicationScoped
public class ProcessedMessages {

    /** The column's width: a longer id can never be recorded, so it can never be processed. */
    public static final int MAX_ID_LENGTH = 256;

    @Inject
    EntityManager em;

    /**
     * Records a batch of message ids in one statement; returns those this consumer had not processed before (the
     * others are duplicates: skip them).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, List<String> messageIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> fresh = new HashSet<>();
            Array ids = connection.createArrayOf("varchar", messageIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_message (consumer, message_id) SELECT ?, id FROM unnest(?) AS id
                    ON CONFLICT DO NOTHING RETURNING message_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
            } finally {
                ids.free();
            }
            return fresh;
        });
    }

    /** Forgets ids recorded before {@code cutoff}, at most {@code limit} of them; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetOlderThan(java.time.Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        DELETE FROM processed_message WHERE ctid IN (
                          SELECT ctid FROM processed_message WHERE processed_at < ?1 LIMIT ?2)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }
}
