package org.tcc.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.tcc.contracts.Country;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.repository.NotificationEntry;
import org.tcc.notification.repository.NotificationRepository;

/**
 * Feeds the open SSE streams from the database. Every subscriber has a country and the last sequence number it was
 * sent; one thread sends each subscriber the entries after it, in order, woken right after notifications commit on
 * this replica and every {@code tcc.notification.stream.poll-interval} for those written by other replicas. As the
 * database is the only source, a reconnect with {@code Last-Event-ID} replays exactly what was missed.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);
    private static final int BATCH = 200;
    private static final long SEND_TIMEOUT_MS = 10_000;

    @Inject
    NotificationRepository notifications;

    @Inject
    NotificationConfig config;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;

    private static final class Subscriber {
        final Country country;
        final SseEventSink sink;
        final Sse sse;
        long lastSeq;
        long lastSentNanos = System.nanoTime();

        Subscriber(Country country, long lastSeq, SseEventSink sink, Sse sse) {
            this.country = country;
            this.lastSeq = lastSeq;
            this.sink = sink;
            this.sse = sse;
        }
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        Thread t = new Thread(this::run, "notification-stream");
        t.setDaemon(true);
        t.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        wakeUp.release();
        subscribers.forEach(s -> s.sink.close());
    }

    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPlanner.Planned planned) {
        wakeUp.release();
    }

    /** The last sequence number of {@code country}'s stream: where a subscriber without Last-Event-ID starts. */
    public long current(Country country) {
        return QuarkusTransaction.requiringNew().call(() -> notifications.lastSeq(country));
    }

    /** Sends {@code country}'s entries after {@code afterSeq} to {@code sink}, then everything that follows. */
    public void subscribe(Country country, long afterSeq, SseEventSink sink, Sse sse) {
        subscribers.add(new Subscriber(country, afterSeq, sink, sse));
        wakeUp.release();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void run() {
        Duration poll = config.stream().pollInterval();
        while (running) {
            try {
                wakeUp.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                for (Subscriber s : subscribers) {
                    serve(s);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("notification stream: %s", e.toString());
            }
        }
    }

    private void serve(Subscriber s) {
        if (s.sink.isClosed()) {
            subscribers.remove(s);
            return;
        }
        try {
            List<NotificationEntry> entries;
            do {
                long after = s.lastSeq;
                entries = QuarkusTransaction.requiringNew().call(() -> notifications.after(s.country, after, BATCH));
                for (NotificationEntry e : entries) {
                    OutboundSseEvent event = s.sse.newEventBuilder()
                            .id(Long.toString(e.seq))
                            .name("notification")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(String.class, e.payload)
                            .build();
                    s.sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    s.lastSeq = e.seq;
                    s.lastSentNanos = System.nanoTime();
                }
            } while (entries.size() == BATCH);
            if (System.nanoTime() - s.lastSentNanos > config.stream().heartbeat().toNanos()) {
                s.sink.send(s.sse.newEventBuilder().comment("keep-alive").build())
                        .toCompletableFuture().get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                s.lastSentNanos = System.nanoTime();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf("closing a %s stream: %s", s.country, e.toString());
            subscribers.remove(s);
            try {
                s.sink.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }
}
