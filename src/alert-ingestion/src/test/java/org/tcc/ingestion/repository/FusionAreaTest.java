package org.tcc.ingestion.repository;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;

/** The fusion lock of a report covers what its candidate lookup reads and the cell of any report it could race. */
class FusionAreaTest {

    private static final double GATE_KM = 50;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    @Test
    void reportsThatCanJoinOneLaunchShareALockCell() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            GeoPoint estimate = new GeoPoint(-75 + 150 * random.nextDouble(), -175 + 350 * random.nextDouble());
            // two reports within the launch gate of the same estimate, so within twice the gate of each other
            GeoPoint a = destination(estimate, GATE_KM * random.nextDouble(), 360 * random.nextDouble());
            GeoPoint b = destination(estimate, GATE_KM * random.nextDouble(), 360 * random.nextDouble());
            Set<Integer> locksOfA = FusionArea.lockCells(a, GATE_KM);
            Set<Integer> locksOfB = FusionArea.lockCells(b, GATE_KM);
            assertTrue(locksOfA.contains(SensorReport.cellOf(b.lat(), b.lon())), a + " / " + b);
            assertTrue(locksOfB.contains(SensorReport.cellOf(a.lat(), a.lon())), a + " / " + b);
            assertTrue(locksOfA.containsAll(FusionArea.around(TrafficStatus.ACTUAL, Instant.EPOCH, a,
                    Duration.ofSeconds(120), GATE_KM).cells()), "the lock covers the lookup's cells at " + a);
        }
    }

    @Test
    void theAreaLooksAtTheSameStatusWithinTheWindowAndBox() {
        Instant t = Instant.parse("2026-11-20T03:14:15Z");
        FusionArea area = FusionArea.around(TrafficStatus.ACTUAL, t, new GeoPoint(39.0, 125.7),
                Duration.ofSeconds(120), GATE_KM);
        assertTrue(area.contains(TrafficStatus.ACTUAL, t.plusSeconds(120), 39.5, 126.5));
        assertTrue(!area.contains(TrafficStatus.EXERCISE, t, 39.0, 125.7));
        assertTrue(!area.contains(TrafficStatus.ACTUAL, t.plusSeconds(121), 39.0, 125.7));
        assertTrue(!area.contains(TrafficStatus.ACTUAL, t, 40.0, 125.7));
    }

    @Test
    void acrossTheAntimeridianReportsThatCanJoinOneLaunchShareALockCellAndTheLookupFindsThem() {
        Random random = new Random(12);
        for (int i = 0; i < 50_000; i++) {
            GeoPoint estimate = new GeoPoint(-70 + 140 * random.nextDouble(), wrap(178 + 4 * random.nextDouble()));
            GeoPoint a = normalized(destination(estimate, GATE_KM * random.nextDouble(), 360 * random.nextDouble()));
            GeoPoint b = normalized(destination(estimate, GATE_KM * random.nextDouble(), 360 * random.nextDouble()));
            assertTrue(FusionArea.lockCells(a, GATE_KM).contains(SensorReport.cellOf(b.lat(), b.lon())), a + " / " + b);
            assertTrue(FusionArea.lockCells(b, GATE_KM).contains(SensorReport.cellOf(a.lat(), a.lon())), a + " / " + b);
            FusionArea lookup = FusionArea.around(TrafficStatus.ACTUAL, Instant.EPOCH, a, Duration.ofSeconds(120),
                    GATE_KM);
            assertTrue(lookup.cells().contains(SensorReport.cellOf(b.lat(), b.lon())), "lookup cells " + a + " / " + b);
            assertTrue(lookup.contains(TrafficStatus.ACTUAL, Instant.EPOCH, b.lat(), b.lon()), "box " + a + " / " + b);
        }
        FusionArea east = FusionArea.around(TrafficStatus.ACTUAL, Instant.EPOCH, new GeoPoint(51.0, 179.95),
                Duration.ofSeconds(120), GATE_KM);
        assertTrue(east.contains(TrafficStatus.ACTUAL, Instant.EPOCH, 51.0, -179.95));
        assertTrue(!east.contains(TrafficStatus.ACTUAL, Instant.EPOCH, 51.0, 0.05), "not the other side of the world");
    }

    private static double wrap(double lon) {
        return ((lon + 180) % 360 + 360) % 360 - 180;
    }

    private static GeoPoint normalized(GeoPoint p) {
        return new GeoPoint(p.lat(), wrap(p.lon()));
    }

    /** The point {@code km} away from {@code p} on initial bearing {@code bearing} (great circle). */
    private static GeoPoint destination(GeoPoint p, double km, double bearing) {
        double d = km / EARTH_RADIUS_KM;
        double lat1 = Math.toRadians(p.lat());
        double lon1 = Math.toRadians(p.lon());
        double theta = Math.toRadians(bearing);
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(theta));
        double lon2 = lon1 + Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        return new GeoPoint(Math.toDegrees(lat2), Math.toDegrees(lon2));
    }
}
