package org.tcc.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.tcc.contracts.Country;

@ConfigMapping(prefix = "tcc.ingestion")
public interface IngestionConfig {

    Fusion fusion();

    /**
     * JWKS of the sensors' public keys: {@code kid} = sensor id, member {@code country}. classpath: or a file. No
     * default in production ({@code TCC_SENSOR_REGISTRY}); the repository's local keys only where
     * {@code tcc.trust.accept-repository-material} says so (see {@link RepositoryTrust}).
     */
    Optional<String> sensorRegistry();

    /**
     * GeoJSON FeatureCollection of impact zones (properties: name, kind TERRITORY|EEZ, and country, or disputed and
     * claimants); see docs/architecture.md, "Zones, impact and overflight". No default in production
     * ({@code TCC_ZONES}).
     */
    Optional<String> zones();

    /** How far in the future a detection time may lie (clock skew). */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** How old a report may be and still be applied. */
    @WithDefault("PT24H")
    Duration maxReportAge();

    /** Countries every sensor alert is releasable to (the reporting country always is). */
    @WithDefault("USA,KOR,JPN")
    Set<Country> sensorAlertsReleasableTo();

    /**
     * The largest report accepted, in bytes (JSON as signed). A genuine report, track included, is a few KB; a
     * larger one is refused before its signature is checked or it is parsed (dead-lettered, or 413 over REST).
     */
    @WithDefault("65536")
    int maxReportBytes();

    /**
     * Which JCA provider verifies ES256 report signatures: {@code native} (the Amazon Corretto Crypto Provider when
     * its native library loads, else the JDK's SunEC) or {@code jdk} (always SunEC).
     */
    @WithDefault(Es256Provider.NATIVE)
    String es256Provider();

    interface Fusion {
        @WithDefault("50")
        double launchDistanceKm();

        @WithDefault("PT120S")
        Duration window();

        @WithDefault("150")
        double impactDistanceKm();

        @WithDefault("75")
        double trackDistanceKm();

        /**
         * How many parsed sensor reports fusion keeps in memory (reports are immutable, and a launch's earlier reports
         * are read again by each later one). 0 turns the cache off.
         */
        @WithDefault("4096")
        int parsedReportCache();
    }
}
