package org.tcc.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import org.tcc.kit.observability.Tracing;
import org.tcc.kit.worker.BackgroundWorker;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.NotificationRepository;

/**
 * Attempts due webhook and e-mail deliveries. State lives in the database only: a batch of due rows is claimed with
 * a lease in one statement ({@code FOR UPDATE SKIP LOCKED}, so replicas never take the same row), sent outside any
 * transaction, several at a time, and the batch's results are recorded in one transaction; a crash before recording
 * lets the lease expire and the delivery is attempted again. Woken right after new deliveries commit, and otherwise
 * every {@code tcc.notification.delivery.poll-interval} (coalesced updates fall due later).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    NotificationConfig config;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    WebhookSender webhooks;

    @Inject
    EmailSender emails;

    @Inject
    org.tcc.kit.messaging.ConsumerConfig consumers;

    @Inject
    Tracing tracing;

    private BackgroundWorker worker;
    private ExecutorService senders;

    void start(@Observes StartupEvent ignored) {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.delivery().parallelism(), r -> {
            Thread t = new Thread(r, "delivery-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        worker = BackgroundWorker.start("delivery-worker", config.delivery().pollInterval(),
                () -> attemptDue() == config.delivery().batchSize());
    }

    void stop(@Observes ShutdownEvent ignored) {
        worker.close();
        senders.shutdownNow();
    }

    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPlanner.Planned planned) {
        if (planned.deliveries() && worker != null) {
            worker.wakeUp();
        }
    }

    /** Claims and attempts one batch of due deliveries; returns how many were attempted. */
    int attemptDue() throws InterruptedException {
        record Claimed(Delivery delivery, NotificationEntry entry) {
        }
        Instant now = Instant.now();
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Delivery> due = deliveries.claimDue(now, now.plus(config.delivery().lease()),
                    config.delivery().batchSize());
            Map<Long, NotificationEntry> entries = notifications.byIds(due.stream().map(d -> d.notificationId)
                    .toList());
            return due.stream().map(d -> new Claimed(d, entries.get(d.notificationId))).toList();
        });
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Future<DeliveryRecorder.Attempt>> running = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            running.add(senders.submit(() -> attempt(c.delivery(), c.entry())));
        }
        List<DeliveryRecorder.Attempt> attempts = new ArrayList<>(claimed.size());
        for (Future<DeliveryRecorder.Attempt> f : running) {
            try {
                DeliveryRecorder.Attempt a = f.get();
                if (a != null) {
                    attempts.add(a);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf("delivery attempt crashed: %s", e.getCause().toString());
            }
        }
        // what was sent must be recorded, or it is sent again when the lease expires: a database outage delays the
        // record instead of dropping it
        org.tcc.kit.messaging.TransientRetry.run("recording " + attempts.size() + " delivery attempts",
                consumers.retryPatience(), () -> recorder.recordAll(attempts));
        return claimed.size();
    }

    private DeliveryRecorder.Attempt attempt(Delivery delivery, NotificationEntry entry) {
        String error = null;
        // the delivery hop of the event's trace: one client span per attempt
        Span span = tracing.span(delivery.channel == org.tcc.contracts.events.notification.Channel.WEBHOOK
                ? "webhook POST" : "email send", SpanKind.CLIENT, entry == null ? null : entry.traceParent);
        span.setAttribute("tcc.country", String.valueOf(delivery.country));
        span.setAttribute("tcc.delivery.attempt", delivery.attempts + 1L);
        try (Scope ignored = span.makeCurrent()) {
            ChannelSender sender = switch (delivery.channel) {
                case WEBHOOK -> webhooks;
                case EMAIL -> emails;
                case STREAM -> null;
            };
            if (sender != null) {
                sender.send(delivery, entry);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            span.end();
            return null; // shutting down: the lease expires and another attempt follows
        } catch (ChannelSender.Failed e) {
            error = e.getMessage();
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage();
        }
        if (error != null) {
            tracing.fail(span, error);
        } else {
            span.end();
        }
        return new DeliveryRecorder.Attempt(delivery.id, error);
    }
}
