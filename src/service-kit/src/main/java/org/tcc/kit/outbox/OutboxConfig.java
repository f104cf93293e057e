package org.tcc.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tcc.outbox")
public interface OutboxConfig {

    /** CloudEvents source of the events this service publishes, e.g. {@code /tcc/alert-ingestion}. */
    String source();

    /** How often the relay looks for events left behind when nothing woke it. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long published events stay in {@code outbox_event} (for inspection) before housekeeping deletes them. */
    @WithDefault("PT1H")
    Duration retention();

    /** How often housekeeping deletes expired outbox events and processed-message ids. */
    @WithDefault("PT1M")
    Duration housekeepingInterval();

    /** How often the unpublished backlog (size, age of the oldest event) is measured for metrics and readiness. */
    @WithDefault("PT5S")
    Duration backlogSampleInterval();

    /** How long the relay waits for the broker to acknowledge a batch. */
    @WithDefault("PT10S")
    Duration ackTimeout();
}
