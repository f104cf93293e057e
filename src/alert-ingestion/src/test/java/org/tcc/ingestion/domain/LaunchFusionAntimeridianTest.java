package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.ingestion.domain.TestReports.report;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.LaunchEstimate;

/** Sensor reports either side of 180° fuse to a point near 180°, not near Greenwich (means are vector means). */
class LaunchFusionAntimeridianTest {

    private static final Instant T0 = Instant.parse("2026-11-29T03:14:07Z");

    @Test
    void reportsStraddlingTheAntimeridianFuseToAPointNearIt() {
        LaunchEstimate estimate = LaunchFusion.estimate(List.of(
                report("us-tpy2-shariki", Country.USA, "us-1", T0, new GeoPoint(51.0, 179.9), new GeoPoint(52.0, -179.9)),
                report("jp-fps5-sado", Country.JPN, "jp-1", T0.plusSeconds(3), new GeoPoint(51.0, -179.9),
                        new GeoPoint(52.0, 179.9))));
        assertEquals(51.0, estimate.launchPoint().lat(), 0.01);
        assertEquals(180.0, Math.abs(estimate.launchPoint().lon()), 0.01, estimate.launchPoint().toString());
        assertEquals(180.0, Math.abs(estimate.predictedImpactPoint().lon()), 0.01);
        assertTrue(Geo.distanceKm(estimate.launchPoint(), new GeoPoint(51.0, 179.9)) < 10);
    }

    @Test
    void aReportJustAcrossTheAntimeridianJoinsTheLaunch() {
        LaunchFusion fusion = new LaunchFusion(LaunchFusion.Gates.defaults());
        LaunchFusion.TrackedLaunch launch = new LaunchFusion.TrackedLaunch("a-1", List.of(
                report("us-tpy2-shariki", Country.USA, "us-1", T0, new GeoPoint(51.0, 179.95), new GeoPoint(52.0, -179.0))));
        assertEquals("a-1", fusion.match(report("jp-fps5-sado", Country.JPN, "jp-1", T0.plusSeconds(2),
                new GeoPoint(51.0, -179.95), new GeoPoint(52.0, -179.1)), List.of(launch)).orElseThrow().alertId());
    }
}
