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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.NotificationRepository;

/**
 * Attempts due webhook and e-mail deliveries. State lives in the database only: a worker claims due rows with a
 * lease ({@code FOR UPDATE SKIP LOCKED}, so replicas never take the same row), sends outside any transaction, and
 * records the result; a crash before recording lets the lease expire and the delivery is attempted again. Woken right
 * after new deliveries commit, and otherwise every {@code tcc.notification.delivery.poll-interval}.
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

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    void start(@Observes StartupEvent ignored) {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.delivery().parallelism(), r -> {
            Thread t = new Thread(r, "delivery-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "delivery-worker");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        wakeUp.release();
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPlanner.Planned planned) {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.delivery().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                int attempted;
                do {
                    attempted = attemptDue();
                } while (running && attempted == config.delivery().batchSize());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("delivery worker: %s", e.toString());
            }
        }
    }

    /** Claims and attempts one batch of due deliveries; returns how many were attempted. */
    int attemptDue() throws InterruptedException {
        record Claimed(Delivery delivery, NotificationEntry entry) {
        }
        Instant now = Instant.now();
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Claimed> result = new ArrayList<>();
            for (Delivery d : deliveries.claimDue(now, now.plus(config.delivery().lease()),
                    config.delivery().batchSize())) {
                result.add(new Claimed(d, notifications.findById(d.notificationId)));
            }
            return result;
        });
        List<Future<?>> running = new ArrayList<>();
        for (Claimed c : claimed) {
            running.add(senders.submit(() -> attempt(c.delivery(), c.entry())));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf("delivery attempt crashed: %s", e.getCause().toString());
            }
        }
        return claimed.size();
    }

    private void attempt(Delivery delivery, NotificationEntry entry) {
        String error = null;
        try {
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
            return; // shutting down: the lease expires and another attempt follows
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage();
        }
        recorder.record(delivery.id, error);
    }
}
