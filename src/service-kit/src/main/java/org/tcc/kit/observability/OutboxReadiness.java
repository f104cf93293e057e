package org.tcc.kit.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tcc.kit.outbox.OutboxBacklog;
import org.tcc.kit.outbox.OutboxConfig;

/**
 * Readiness of the outbox: the oldest unpublished event is younger than {@code tcc.health.outbox-backlog-age-limit}
 * and the backlog was measured recently (its sampler is not stuck).
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    @Inject
    OutboxBacklog backlog;

    @Inject
    OutboxConfig outbox;

    @Inject
    HealthConfig config;

    @Override
    public HealthCheckResponse call() {
        Instant sampled = backlog.sampledAt();
        Duration age = backlog.oldestAge();
        boolean fresh = sampled != null && Duration.between(sampled, Instant.now())
                .compareTo(outbox.backlogSampleInterval().multipliedBy(6).plusSeconds(30)) < 0;
        boolean young = age.compareTo(config.outboxBacklogAgeLimit()) < 0;
        return HealthCheckResponse.named("tcc outbox")
                .status(sampled == null || (fresh && young))
                .withData("unpublished", backlog.events())
                .withData("oldestAgeSeconds", age.toSeconds())
                .withData("limitSeconds", config.outboxBacklogAgeLimit().toSeconds())
                .withData("measured", sampled == null ? "not yet" : sampled.toString())
                .build();
    }
}
