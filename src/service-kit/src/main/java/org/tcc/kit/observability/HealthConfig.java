package org.tcc.kit.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tcc.health")
public interface HealthConfig {

    /**
     * Liveness fails when a background worker (outbox relay, live streams, deliveries, housekeeping) has shown no
     * progress for this long: its step is blocked for good, and a restart is the way out.
     */
    @WithDefault("PT5M")
    Duration workerStallLimit();

    /**
     * Readiness fails while the oldest unpublished outbox event is older than this: the service takes changes that
     * nobody downstream hears of (broker unreachable, relay stuck).
     */
    @WithDefault("PT2M")
    Duration outboxBacklogAgeLimit();
}
