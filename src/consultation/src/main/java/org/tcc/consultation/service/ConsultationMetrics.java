package org.tcc.consultation.service;

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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.kit.worker.BackgroundWorker;

/**
 * {@code tcc_consultations{phase}}: consultations in each phase, counted in the database every 10 s (one grouped
 * query off the hot path, the same on every replica). Transitions are counted by the kit as
 * {@code tcc_consultation_events_total{type}}, escalations as {@code tcc_escalations_total{kind="consultation"}}.
 */
@ApplicationScoped
public class ConsultationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    private final Map<ConsultationPhase, AtomicLong> byPhase = new EnumMap<>(ConsultationPhase.class);
    private BackgroundWorker sampler;

    void start(@Observes StartupEvent ignored) {
        for (ConsultationPhase phase : ConsultationPhase.values()) {
            AtomicLong value = new AtomicLong();
            byPhase.put(phase, value);
            Gauge.builder("tcc.consultations", value, AtomicLong::get).tag("phase", phase.name())
                    .description("Consultations in each phase").register(registry);
        }
        sampler = BackgroundWorker.start("consultation-metrics", Duration.ofSeconds(10), () -> {
            sample();
            return false;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (sampler != null) {
            sampler.close();
        }
    }

    void sample() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT phase, count(*) FROM consultation GROUP BY phase").getResultList());
        Map<String, Long> counted = new HashMap<>();
        rows.forEach(r -> counted.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        byPhase.forEach((phase, value) -> value.set(counted.getOrDefault(phase.name(), 0L)));
    }
}
