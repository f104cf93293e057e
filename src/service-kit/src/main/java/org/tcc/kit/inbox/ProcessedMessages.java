package org.tcc.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent-consumer log: {@code (consumer, message id)} is inserted in the handler's own transaction, so a
 * message is applied at most once whatever the redelivery, and two racing deliveries cannot both pass.
 */
@ApplicationScoped
public class ProcessedMessages {

    @Inject
    EntityManager em;

    /** Records the message; {@code false} when this consumer has already processed it (skip it then). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_message (consumer, message_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, messageId)
                .executeUpdate();
        return inserted == 1;
    }
}
