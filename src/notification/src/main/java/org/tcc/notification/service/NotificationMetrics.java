package org.tcc.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.notification.Channel;
import org.tcc.kit.worker.BackgroundWorker;

/**
 * What the operations centre watches of notification (names as Prometheus shows them):
 * <ul>
 *   <li>{@code tcc_alert_event_to_stream_write_seconds{source}}: from the event reaching the broker to its notice
 *       handed to a liaison's open live stream ({@code source} alert or consultation);</li>
 *   <li>{@code tcc_deliveries_total{channel, outcome}}: e-mail and webhook attempts recorded as sent, retry or
 *       dead;</li>
 *   <li>{@code tcc_escalations_total{kind="acknowledgement", step}}: a silent country's next duty step notified;</li>
 *   <li>{@code tcc_streams_open{country}}: live streams open on this replica;</li>
 *   <li>{@code tcc_alerts_unacknowledged{country, severity}}: alerts the country has not acknowledged while they
 *       escalate (an acknowledgement watch still active or with its chain exhausted), measured every {@code tcc.notification.metrics-interval}.</li>
 * </ul>
 */
@ApplicationScoped
public class NotificationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    StreamHub streams;

    private final Map<String, Timer> streamLatency = new ConcurrentHashMap<>();
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Counter> escalations = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unacknowledged = new ConcurrentHashMap<>();
    private BackgroundWorker sampler;

    void start(@Observes StartupEvent ignored) {
        for (Country country : Country.values()) {
            Gauge.builder("tcc.streams.open", streams, s -> s.subscriberCount(country)).tag("country", country.name())
                    .description("Live notification streams open on this replica").register(registry);
            for (String severity : List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown")) {
                AtomicLong value = new AtomicLong();
                unacknowledged.put(country.name() + "/" + severity, value);
                Gauge.builder("tcc.alerts.unacknowledged", value, AtomicLong::get).tag("country", country.name())
                        .tag("severity", severity)
                        .description("Alerts the country has not acknowledged, under an active escalation watch")
                        .register(registry);
            }
        }
        sampler = BackgroundWorker.start("notification-metrics", Duration.ofSeconds(10), () -> {
            sampleUnacknowledged();
            return false;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (sampler != null) {
            sampler.close();
        }
    }

    /** Counts the active acknowledgement watches by country and the watched alert's severity. */
    void sampleUnacknowledged() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT country, coalesce(alert_snapshot::jsonb ->> 'severity', 'Unknown'), count(*)
                FROM escalation WHERE state <> 'STOPPED' GROUP BY 1, 2""").getResultList());
        Map<String, Long> counted = new java.util.HashMap<>();
        for (Object[] row : rows) {
            counted.put(row[0] + "/" + row[1], ((Number) row[2]).longValue());
        }
        unacknowledged.forEach((key, value) -> value.set(counted.getOrDefault(key, 0L)));
    }

    /** A notice was handed to an open stream; {@code sourceEventAt} is when its event reached the broker. */
    public void streamWrite(String sourceEventType, Instant sourceEventAt) {
        if (sourceEventAt == null) {
            return;
        }
        String source = sourceEventType != null && sourceEventType.contains(".alert.") ? "alert" : "consultation";
        Duration latency = Duration.between(sourceEventAt, Instant.now());
        if (latency.isNegative()) {
            return;
        }
        streamLatency.computeIfAbsent(source, s -> Timer.builder("tcc.alert.event.to.stream.write")
                .tag("source", s)
                .description("Event reached the broker -> its notice handed to an open live stream")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2))
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)).record(latency);
    }

    /** An e-mail or webhook attempt was recorded with {@code outcome} (sent, retry, dead). */
    public void delivery(Channel channel, String outcome) {
        deliveries.computeIfAbsent(channel + "/" + outcome, k -> Counter.builder("tcc.deliveries")
                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome)
                .description("E-mail and webhook delivery attempts by channel and outcome").register(registry))
                .increment();
    }

    /** A silent country's next chain step was notified about an unacknowledged alert. */
    public void escalated(String step) {
        escalations.computeIfAbsent(step, s -> Counter.builder("tcc.escalations").tag("kind", "acknowledgement")
                .tag("step", s)
                .description("Escalations: a consultation raised a level, a silent country's next duty officer "
                        + "notified").register(registry)).increment();
    }
}
