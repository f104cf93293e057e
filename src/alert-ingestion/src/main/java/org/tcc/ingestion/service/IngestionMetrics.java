package org.tcc.ingestion.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feed health as Prometheus shows it:
 * <ul>
 *   <li>{@code tcc_reports_total{outcome="applied"|"duplicate"}}: reports applied to an alert, redeliveries that
 *       changed nothing; {@code tcc_reports_total{outcome="rejected", reason}}: reports refused (dead-lettered from the
 *       feed topic, or answered with a problem over HTTPS), by reason (UNSIGNED, FORGED, UNKNOWN_SENSOR,
 *       WRONG_COUNTRY, invalid, oversized, unreadable, empty);</li>
 *   <li>{@code tcc_report_to_alert_event_seconds}: from a report reaching the service (its Kafka timestamp) to the
 *       alert version it made with its event appended to the outbox (the transaction commits and the relay publishes right after).</li>
 * </ul>
 */
@ApplicationScoped
public class IngestionMetrics {

    @Inject
    MeterRegistry registry;

    private Counter applied;
    private Counter duplicate;
    private Timer reportToEvent;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        applied = reports("applied");
        duplicate = reports("duplicate");
        reportToEvent = Timer.builder("tcc.report.to.alert.event")
                .description("Sensor report received -> its alert version committed with the alert event")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2))
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    private Counter reports(String outcome) {
        return Counter.builder("tcc.reports").tag("outcome", outcome).tag("reason", "")
                .description("Sensor reports by outcome").register(registry);
    }

    public void applied(int n) {
        applied.increment(n);
    }

    public void duplicates(int n) {
        duplicate.increment(n);
    }

    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("tcc.reports").tag("outcome", "rejected")
                .tag("reason", r).description("Sensor reports by outcome").register(registry)).increment();
    }

    public void reportToAlertEvent(Duration latency) {
        if (!latency.isNegative()) {
            reportToEvent.record(latency);
        }
    }
}
