package org.tcc.ingestion.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.ingestion.domain.ImpactAssessment;
import org.tcc.ingestion.domain.ImpactZone;
import org.tcc.ingestion.domain.LaunchFusion;
import org.tcc.ingestion.domain.ReportAuthenticity;
import org.tcc.ingestion.domain.ReportChecks;
import org.tcc.ingestion.domain.Sensor;
import org.tcc.ingestion.domain.SensorAlerts;
import org.tcc.ingestion.domain.SensorRegistry;

/** Builds the framework-free domain objects from configuration, once. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @ApplicationScoped
    SensorRegistry sensorRegistry(IngestionConfig config) {
        Map<String, Sensor> sensors = new HashMap<>();
        try {
            for (JsonNode key : Json.mapper().readTree(Resources.read(config.sensorRegistry())).path("keys")) {
                ECKey ec = ECKey.parse(Json.mapper().writeValueAsString(key)).toPublicJWK();
                Country country = Country.parse(key.path("country").asText())
                        .orElseThrow(() -> new IllegalStateException("sensor " + key.path("kid").asText()
                                + " has no valid 'country'"));
                sensors.put(ec.getKeyID(), new Sensor(ec.getKeyID(), country, ec.toECPublicKey()));
            }
        } catch (java.io.IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("invalid sensor registry " + config.sensorRegistry() + ": " + e, e);
        }
        Map<String, Sensor> registry = Map.copyOf(sensors);
        return id -> Optional.ofNullable(id == null ? null : registry.get(id));
    }

    @Produces
    @ApplicationScoped
    ReportAuthenticity reportAuthenticity(SensorRegistry registry, Es256Provider provider) {
        return new ReportAuthenticity(registry, provider.provider());
    }

    @Produces
    @ApplicationScoped
    ReportChecks reportChecks(IngestionConfig config) {
        return new ReportChecks(config.maxFutureSkew(), config.maxReportAge());
    }

    @Produces
    @ApplicationScoped
    LaunchFusion launchFusion(IngestionConfig config) {
        IngestionConfig.Fusion f = config.fusion();
        return new LaunchFusion(new LaunchFusion.Gates(f.launchDistanceKm(), f.window(), f.impactDistanceKm(),
                f.trackDistanceKm()));
    }

    @Produces
    @ApplicationScoped
    SensorAlerts sensorAlerts(IngestionConfig config) {
        return new SensorAlerts(new ImpactAssessment(zones(config.zones())), config.sensorAlertsReleasableTo());
    }

    /** Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features into impact zones. */
    static List<ImpactZone> zones(String location) {
        List<ImpactZone> zones = new ArrayList<>();
        try {
            for (JsonNode feature : Json.mapper().readTree(Resources.read(location)).path("features")) {
                JsonNode props = feature.path("properties");
                JsonNode geometry = feature.path("geometry");
                List<List<List<GeoPoint>>> polygons = new ArrayList<>();
                if ("Polygon".equals(geometry.path("type").asText())) {
                    polygons.add(rings(geometry.path("coordinates")));
                } else {
                    for (JsonNode polygon : geometry.path("coordinates")) {
                        polygons.add(rings(polygon));
                    }
                }
                zones.add(new ImpactZone(props.path("name").asText(),
                        Country.parse(props.path("country").asText()).orElseThrow(
                                () -> new IllegalStateException("zone without a valid country")),
                        ImpactZone.Kind.valueOf(props.path("kind").asText()), polygons));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("invalid zones " + location + ": " + e, e);
        }
        return zones;
    }

    private static List<List<GeoPoint>> rings(JsonNode polygon) {
        List<List<GeoPoint>> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            List<GeoPoint> points = new ArrayList<>();
            for (JsonNode position : ring) {
                points.add(new GeoPoint(position.get(1).asDouble(), position.get(0).asDouble()));
            }
            rings.add(points);
        }
        return rings;
    }
}
