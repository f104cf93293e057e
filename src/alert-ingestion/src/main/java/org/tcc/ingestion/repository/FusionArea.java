package org.tcc.ingestion.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;

/**
 * Where and when a report looks for the launch it may belong to: reports of the same traffic status detected
 * within the fusion window whose launch point lies in a box of twice the launch gate around its own (fusion then
 * applies the exact gates to the launch's estimate), found through the one-degree grid cells the box overlaps.
 */
public record FusionArea(TrafficStatus status, Instant from, Instant to, double minLat, double maxLat,
                         double minLon, double maxLon, Set<Integer> cells) {

    /** Degrees of latitude per km, conservatively (the equatorial figure is the smallest). */
    private static final double KM_PER_DEGREE_LAT = 110.574;
    private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.320;

    public static FusionArea around(TrafficStatus status, Instant t, GeoPoint point, Duration window,
                                    double launchGateKm) {
        double dLat = launchGateKm / KM_PER_DEGREE_LAT * 2;
        double dLon = Math.min(180, launchGateKm / (KM_PER_DEGREE_LON_AT_EQUATOR
                * Math.max(0.05, Math.cos(Math.toRadians(point.lat())))) * 2);
        return new FusionArea(status, t.minus(window), t.plus(window), point.lat() - dLat, point.lat() + dLat,
                point.lon() - dLon, point.lon() + dLon, cells(point, dLat, dLon));
    }

    /**
     * Whether a stored report with these fields is one this area looks at. The box's longitudes may pass ±180 (a
     * box around 179.9E reaches 181.3, i.e. 178.7W): a longitude counts as it is or shifted by a full turn.
     */
    public boolean contains(TrafficStatus reportStatus, Instant detectedAt, double lat, double lon) {
        return reportStatus == status && !detectedAt.isBefore(from) && !detectedAt.isAfter(to)
                && lat >= minLat && lat <= maxLat && (inLon(lon) || inLon(lon + 360) || inLon(lon - 360));
    }

    private boolean inLon(double lon) {
        return lon >= minLon && lon <= maxLon;
    }

    /**
     * The grid cells whose fusion lock a report takes: every cell within twice the launch gate (plus a tenth, and
     * with the longitude span of the box's most poleward latitude), and its own. Two reports that can join the same
     * launch concurrently both lie within the launch gate of its estimate, so within twice the gate of each other:
     * each one's lock cells contain the other's cell, so their batches take a common lock and run one after the
     * other, and the later one sees the earlier one's report.
     */
    public static Set<Integer> lockCells(GeoPoint point, double launchGateKm) {
        double dLat = launchGateKm * 2.2 / KM_PER_DEGREE_LAT;
        double poleward = Math.min(89.9, Math.abs(point.lat()) + dLat);
        double dLon = Math.min(180, launchGateKm * 2.2 / (KM_PER_DEGREE_LON_AT_EQUATOR
                * Math.max(0.01, Math.cos(Math.toRadians(poleward)))));
        Set<Integer> cells = cells(point, dLat, dLon);
        cells.add(SensorReport.cellOf(point.lat(), point.lon()));
        return cells;
    }

    /** {@code lon} in [-180, 180): the cells of a box that passes the antimeridian are those across it. */
    private static double wrap(double lon) {
        return ((lon + 180) % 360 + 360) % 360 - 180;
    }

    /**
     * The cells the box point ± (dLat, dLon) overlaps (one-degree steps, so no cell is skipped; across the
     * antimeridian the cells on the other side).
     */
    private static Set<Integer> cells(GeoPoint point, double dLat, double dLon) {
        Set<Integer> cells = new TreeSet<>();
        for (double lat = point.lat() - dLat; lat < point.lat() + dLat + 1; lat += 1) {
            for (double lon = point.lon() - dLon; lon < point.lon() + dLon + 1; lon += 1) {
                cells.add(SensorReport.cellOf(Math.min(lat, point.lat() + dLat),
                        wrap(Math.min(lon, point.lon() + dLon))));
            }
        }
        return cells;
    }
}
