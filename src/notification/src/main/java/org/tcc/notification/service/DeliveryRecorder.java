package org.tcc.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.notification.DeliveryOutcome;
import org.tcc.contracts.events.notification.DeliveryStatus;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.Backoff;
import org.tcc.notification.domain.DeliveryPolicy;
import org.tcc.notification.repository.DeadLetter;
import org.tcc.notification.repository.DeadLetterRepository;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.NotificationRepository;
import org.tcc.kit.outbox.Outbox;

/**
 * Records what attempts achieved and announces the outcomes: every SENT and DEAD e-mail or webhook delivery is
 * published as a {@link DeliveryOutcome} on {@code tcc.notifications.v1} through the outbox, in the transaction that
 * records it.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);
    private static final int MAX_ERROR = 4000;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    NotificationMetrics metrics;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeadLetterRepository deadLetters;

    @Inject
    Outbox outbox;

    @Inject
    NotificationConfig config;

    /** What one attempt on a claimed delivery achieved: {@code error} null when it was accepted. */
    public record Attempt(UUID deliveryId, String error) {
    }

    /**
     * Records a batch of attempts in one transaction: the deliveries and their notifications are read in one query
     * each, the changes written in JDBC batches, and every terminal state (SENT, DEAD) published as a
     * {@link DeliveryOutcome} through the outbox. A retry (FAILED) is not published: it is not an outcome yet.
     */
    @Transactional
    public void recordAll(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Map<UUID, String> errors = new HashMap<>();
        attempts.forEach(a -> errors.put(a.deliveryId(), a.error()));
        List<Delivery> claimed = deliveries.byIds(errors.keySet());
        Map<Long, NotificationEntry> entries = notifications.byIds(claimed.stream().map(d -> d.notificationId)
                .toList());
        Instant now = Instant.now();
        for (Delivery d : claimed) {
            if (d.status == DeliveryStatus.SENT || d.status == DeliveryStatus.DEAD) {
                continue;
            }
            String error = errors.get(d.id);
            NotificationEntry entry = entries.get(d.notificationId);
            d.leaseUntil = null;
            d.updatedAt = now;
            switch (DeliveryPolicy.after(error == null, d.attempts, config.delivery().maxAttempts())) {
                case SENT -> {
                    metrics.delivery(d.channel, "sent");
                    d.status = DeliveryStatus.SENT;
                    d.sentAt = now;
                    d.lastError = null;
                    d.nextAttemptAt = null;
                    publish(d, entry, null);
                }
                case RETRY -> {
                    metrics.delivery(d.channel, "retry");
                    d.status = DeliveryStatus.FAILED;
                    d.lastError = truncate(error);
                    Backoff backoff = new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
                    d.nextAttemptAt = now.plus(backoff.delay(d.attempts, ThreadLocalRandom.current()::nextDouble));
                }
                case DEAD -> {
                    metrics.delivery(d.channel, "dead");
                    d.status = DeliveryStatus.DEAD;
                    d.lastError = truncate(error);
                    d.nextAttemptAt = null;
                    DeadLetter letter = new DeadLetter();
                    letter.deliveryId = d.id;
                    letter.country = d.country;
                    letter.channel = d.channel;
                    letter.target = d.target;
                    letter.attempts = d.attempts;
                    letter.reason = d.lastError;
                    letter.payload = NoticeDocuments.document(entry, NoticeDocuments.languageOf(d));
                    letter.createdAt = now;
                    deadLetters.persist(letter);
                    LOG.warnf("delivery %s (%s to %s) is DEAD after %d attempts: %s", d.id, d.channel,
                            d.recipientName, d.attempts, d.lastError);
                    publish(d, entry, d.lastError);
                }
            }
        }
    }

    /** Appends the delivery's current state to the outbox (caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Delivery d, NotificationEntry entry, String error) {
        DeliveryOutcome outcome = new DeliveryOutcome(d.id.toString(), entry.sourceEventId, entry.sourceEventType,
                entry.alertId, entry.consultationId, d.country, d.recipientName, d.channel, d.status, d.attempts,
                d.updatedAt, truncate(error));
        outbox.append(EventType.DELIVERY_OUTCOME, outcome);
    }

    private static String truncate(String error) {
        if (error == null || error.isBlank()) {
            return error == null ? null : "unknown error";
        }
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
