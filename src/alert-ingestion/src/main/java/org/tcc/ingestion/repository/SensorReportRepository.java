package org.tcc.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;

@ApplicationScoped
public class SensorReportRepository implements PanacheRepositoryBase<SensorReport, SensorReport.Key> {

    private static final long FUSION_LOCK_KEY = 0x7CC0_F05EL;

    @Inject
    EntityManager em;

    /**
     * Serialises fusion across threads and replicas for the rest of the transaction: two reports of one launch
     * processed at once must not both raise an alert.
     */
    public void lockFusion() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, FUSION_LOCK_KEY).getSingleResult();
    }

    /**
     * Active sensor alerts with a report of the same traffic status detected within {@code window} of {@code t}
     * whose launch point lies within about {@code radiusKm} of {@code point} (a bounding box: fusion applies the
     * exact gates).
     */
    public List<UUID> candidateAlerts(Instant t, Duration window, TrafficStatus status, GeoPoint point,
                                      double radiusKm) {
        double dLat = radiusKm / 110.574 * 2;
        double dLon = Math.min(180, radiusKm / (111.320 * Math.max(0.05, Math.cos(Math.toRadians(point.lat())))) * 2);
        Set<Integer> cells = new java.util.HashSet<>();
        for (double lat = point.lat() - dLat; lat < point.lat() + dLat + 1; lat += 1) {
            for (double lon = point.lon() - dLon; lon < point.lon() + dLon + 1; lon += 1) {
                cells.add(SensorReport.cellOf(Math.min(lat, point.lat() + dLat), Math.min(lon, point.lon() + dLon)));
            }
        }
        return getEntityManager().createQuery("""
                        SELECT DISTINCT r.alertId FROM SensorReport r, Alert a
                        WHERE a.id = r.alertId AND a.lifecycle = org.tcc.contracts.events.alert.AlertLifecycle.ACTIVE
                          AND r.trafficStatus = :status AND r.launchCell IN :cells
                          AND r.detectedAt BETWEEN :from AND :to
                          AND r.launchLat BETWEEN :minLat AND :maxLat AND r.launchLon BETWEEN :minLon AND :maxLon""",
                        UUID.class)
                .setParameter("status", status)
                .setParameter("cells", cells)
                .setParameter("from", t.minus(window))
                .setParameter("to", t.plus(window))
                .setParameter("minLat", point.lat() - dLat)
                .setParameter("maxLat", point.lat() + dLat)
                .setParameter("minLon", point.lon() - dLon)
                .setParameter("maxLon", point.lon() + dLon)
                .getResultList();
    }

    /** The reports fused into an alert, in arrival order. */
    public List<SensorReport> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by seq", alertId);
    }

    public Set<Country> reportingCountries(UUID alertId) {
        return ofAlert(alertId).stream().map(r -> r.reportingCountry).collect(Collectors.toSet());
    }

    public boolean exists(String sensorId, String reportId) {
        return findByIdOptional(new SensorReport.Key(sensorId, reportId)).isPresent();
    }
}
