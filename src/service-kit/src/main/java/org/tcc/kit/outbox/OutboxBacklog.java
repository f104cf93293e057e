package org.tcc.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.tcc.kit.worker.BackgroundWorker;

/**
 * Measures the outbox's unpublished backlog every {@code tcc.outbox.backlog-sample-interval} (one indexed query off
 * the hot path): gauges {@code tcc_outbox_backlog_events} and {@code tcc_outbox_backlog_age_seconds} (the oldest
 * unpublished event's age), read by readiness too. A backlog that grows and ages means the relay cannot publish
 * (broker down, relay stuck): events are safe in the database but nobody downstream hears of them.
 */
@ApplicationScoped
public class OutboxBacklog {

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong ageMillis = new AtomicLong();
    private volatile Instant sampledAt;
    private BackgroundWorker worker;

    void start(@Observes StartupEvent ignored) {
        Gauge.builder("tcc.outbox.backlog.events", events, AtomicLong::get)
                .description("Outbox events committed and not yet published to Kafka").register(registry);
        Gauge.builder("tcc.outbox.backlog.age", ageMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox event (0 when none waits)").register(registry);
        worker = BackgroundWorker.start("outbox-backlog", config.backlogSampleInterval(), () -> {
            sample();
            return false;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        worker.close();
    }

    /** Measures the backlog now. */
    public void sample() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT count(*), min(occurred_at) FROM outbox_event WHERE published_at IS NULL").getSingleResult());
        Instant now = Instant.now();
        long count = ((Number) row[0]).longValue();
        Instant oldest = toInstant(row[1]);
        events.set(count);
        ageMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis()));
        sampledAt = now;
    }

    public long events() {
        return events.get();
    }

    /** Age of the oldest unpublished event at the last sample. */
    public Duration oldestAge() {
        return Duration.ofMillis(ageMillis.get());
    }

    /** When the backlog was last measured (null before the first sample). */
    public Instant sampledAt() {
        return sampledAt;
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
