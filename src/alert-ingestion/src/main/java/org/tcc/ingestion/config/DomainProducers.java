package org.tcc.ingestion.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
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
    SensorRegistry sensorRegistry(RepositoryTrust trust) {
        Map<String, Sensor> sensors = new HashMap<>();
        String location = trust.sensorRegistry();
        try {
            for (JsonNode key : Json.mapper().readTree(Resources.read(location)).path("keys")) {
                ECKey ec = ECKey.parse(Json.mapper().writeValueAsString(key)).toPublicJWK();
                Country country = Country.parse(key.path("country").asText())
                        .orElseThrow(() -> new IllegalStateException("sensor " + key.path("kid").asText()
                                + " has no valid 'country'"));
                sensors.put(ec.getKeyID(), new Sensor(ec.getKeyID(), country, ec.toECPublicKey()));
            }
        } catch (java.io.IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("invalid sensor registry " + location + ": " + e, e);
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
    SensorAlerts sensorAlerts(IngestionConfig config, RepositoryTrust trust) {
        return new SensorAlerts(new ImpactAssessment(zones(trust.zones())), config.sensorAlertsReleasableTo());
    }

    /**
     * Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features (lon/lat, longitudes within [-180, 180])
     * into impact zones. Properties: {@code name}, {@code kind} (TERRITORY or EEZ), optional {@code id}; either
     * {@code country} (one participant), or {@code disputed: true} with {@code claimants} (ISO alpha-3, the zone
     * concerns the participating ones).
     */
    public static List<ImpactZone> zones(String location) {
        List<ImpactZone> zones = new ArrayList<>();
        try {
            int index = 0;
            for (JsonNode feature : Json.mapper().readTree(Resources.read(location)).path("features")) {
                index++;
                JsonNode props = feature.path("properties");
                String id = props.path("id").asText("zone-" + index);
                boolean disputed = props.path("disputed").asBoolean(false);
                List<String> claimants = new ArrayList<>();
                props.path("claimants").forEach(c -> claimants.add(c.asText()));
                Set<Country> countries = EnumSet.noneOf(Country.class);
                if (props.hasNonNull("country")) {
                    countries.add(Country.parse(props.path("country").asText()).orElseThrow(
                            () -> new IllegalStateException("zone " + id + ": invalid country")));
                }
                claimants.forEach(c -> Country.parse(c).ifPresent(countries::add));
                if (countries.isEmpty()) {
                    throw new IllegalStateException("zone " + id + " names no participating country or claimant");
                }
                if (disputed && claimants.isEmpty()) {
                    throw new IllegalStateException("disputed zone " + id + " names no claimant");
                }
                zones.add(ImpactZone.of(id, props.path("name").asText(id),
                        ImpactZone.Kind.valueOf(props.path("kind").asText()), countries, disputed,
                        disputed ? claimants : List.of(), geometry(id, feature.path("geometry"))));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("invalid zones " + location + ": " + e, e);
        }
        return zones;
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static Geometry geometry(String id, JsonNode geometry) {
        List<Polygon> polygons = new ArrayList<>();
        String type = geometry.path("type").asText();
        if ("Polygon".equals(type)) {
            polygons.add(polygon(geometry.path("coordinates")));
        } else if ("MultiPolygon".equals(type)) {
            for (JsonNode polygon : geometry.path("coordinates")) {
                polygons.add(polygon(polygon));
            }
        } else {
            throw new IllegalStateException("zone " + id + ": geometry must be a Polygon or MultiPolygon");
        }
        return GEOMETRY.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode ring) {
        List<Coordinate> points = new ArrayList<>();
        for (JsonNode position : ring) {
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new IllegalStateException("zone position out of range: " + position
                        + " (split areas across the antimeridian into halves within [-180, 180])");
            }
            points.add(new Coordinate(lon, lat));
        }
        if (!points.get(0).equals2D(points.get(points.size() - 1))) {
            points.add(new Coordinate(points.get(0)));
        }
        return GEOMETRY.createLinearRing(points.toArray(new Coordinate[0]));
    }
}
