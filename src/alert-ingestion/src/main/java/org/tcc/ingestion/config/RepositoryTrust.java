package org.tcc.ingestion.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcc.contracts.Json;

/**
 * What ingestion trusts comes from the deployment, never from the repository. The sensor registry and the zones have
 * no production default, and the sensor keys whose private halves are published in the repository
 * ({@code deploy/sensors}, for the local stack and tests) are refused unless
 * {@code tcc.trust.accept-repository-material} is set, as the tests and the local stack do explicitly. Checked at
 * startup: a misconfigured service does not start, and says which setting to provide.
 */
@Startup
@ApplicationScoped
public class RepositoryTrust {

    /** The local stack's sensor registry and zones, shipped for the tests and the demo. */
    static final String LOCAL_SENSORS = "classpath:sensors/local-sensors.jwks.json";
    static final String LOCAL_ZONES = "classpath:zones/default-zones.geojson";

    @Inject
    IngestionConfig config;

    @ConfigProperty(name = "tcc.trust.accept-repository-material", defaultValue = "false")
    boolean acceptRepositoryMaterial;

    private String sensorRegistry;
    private String zones;

    @PostConstruct
    void check() {
        sensorRegistry = config.sensorRegistry().orElseThrow(() -> new IllegalStateException(
                "no sensor registry: set TCC_SENSOR_REGISTRY (tcc.ingestion.sensor-registry) to the JWKS file of"
                        + " your sensors' public keys (docs/operations.md, \"Required settings\")"));
        zones = config.zones().orElseThrow(() -> new IllegalStateException(
                "no impact zones: set TCC_ZONES (tcc.ingestion.zones) to the GeoJSON file of the territories and"
                        + " EEZs your deployment assesses impacts against (docs/operations.md, \"Required settings\")"));
        if (acceptRepositoryMaterial) {
            return;
        }
        Set<String> published = repositoryKeys(Resources.read(sensorRegistry), Resources.read(LOCAL_SENSORS));
        if (!published.isEmpty()) {
            throw new IllegalStateException("the sensor registry " + sensorRegistry + " (TCC_SENSOR_REGISTRY) holds"
                    + " the keys of sensors " + published + ", whose private halves are published in the TCC"
                    + " repository: anyone could sign their reports. Register your sensors' own keys (only the local"
                    + " stack and tests accept these, with TCC_ACCEPT_REPOSITORY_MATERIAL=true)");
        }
        if (sameContent(zones, LOCAL_ZONES)) {
            throw new IllegalStateException("the impact zones " + zones + " (TCC_ZONES) are the demo zones bundled"
                    + " with TCC: provide your deployment's authoritative zones file (only the local stack and"
                    + " tests accept these, with TCC_ACCEPT_REPOSITORY_MATERIAL=true)");
        }
    }

    String sensorRegistry() {
        return sensorRegistry;
    }

    String zones() {
        return zones;
    }

    /**
     * The sensors of {@code registry} whose public key (curve and point, whatever its {@code kid}) is one of the
     * {@code published} keys.
     */
    static Set<String> repositoryKeys(byte[] registry, byte[] published) {
        Set<String> publishedPoints = new TreeSet<>();
        points(published).forEach(p -> publishedPoints.add(p[1]));
        Set<String> found = new TreeSet<>();
        for (String[] key : points(registry)) {
            if (publishedPoints.contains(key[1])) {
                found.add(key[0]);
            }
        }
        return found;
    }

    /** (kid, crv:x:y) of each key of a JWKS. */
    private static List<String[]> points(byte[] jwks) {
        try {
            List<String[]> points = new java.util.ArrayList<>();
            for (JsonNode key : Json.mapper().readTree(jwks).path("keys")) {
                points.add(new String[] {key.path("kid").asText(), key.path("crv").asText() + ":"
                        + key.path("x").asText() + ":" + key.path("y").asText()});
            }
            return points;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JWKS: " + e.getMessage(), e);
        }
    }

    private static boolean sameContent(String location, String bundled) {
        return location.equals(bundled) || Arrays.equals(Resources.read(location), Resources.read(bundled));
    }
}
