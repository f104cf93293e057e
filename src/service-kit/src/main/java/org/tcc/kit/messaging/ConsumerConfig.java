package org.tcc.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings every consumer shares ({@code tcc.consumer.*}). */
@ConfigMapping(prefix = "tcc.consumer")
public interface ConsumerConfig {

    /**
     * How long a single record's transient failure (database restarting, lock conflict) is retried before it is
     * dead-lettered: long enough that a database outage of a minute or two delays events instead of losing them.
     */
    @WithDefault("PT2M")
    Duration retryPatience();

    /**
     * How long the processed-message log remembers an event id: longer than the topics keep records (7 days), so a
     * replay from the earliest offset still finds every id it applied.
     */
    @WithDefault("P8D")
    Duration processedRetention();
}
