package org.tcc.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Where the console finds the three services and what it serves beside the pages (docs/operations.md). */
@ConfigMapping(prefix = "tcc.console")
public interface ConsoleConfig {

    /** Base URL of alert-ingestion, e.g. {@code http://localhost:8081}: {@code /api/ingestion/**} goes there. */
    String ingestionUrl();

    /** Base URL of consultation: {@code /api/consultation/**}. */
    String consultationUrl();

    /** Base URL of notification: {@code /api/notification/**} (the live stream included). */
    String notificationUrl();

    /**
     * Origins (scheme://host[:port]) a state-changing request may come from. Empty: the console's own origin as
     * the request addresses it (Host header), which is right unless a reverse proxy rewrites the host.
     */
    Optional<List<String>> allowedOrigins();

    /** The impact zones drawn on the map: {@code classpath:...} or a file path; the file alert-ingestion uses. */
    @WithDefault("classpath:zones/default-zones.geojson")
    String zones();

    /** How long a proxied request (other than the live stream) may take before the console answers 504. */
    @WithDefault("PT30S")
    java.time.Duration upstreamTimeout();
}
