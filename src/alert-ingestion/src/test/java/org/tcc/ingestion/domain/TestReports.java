package org.tcc.ingestion.domain;

import java.time.Instant;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.contracts.events.feed.TrackPoint;

/** Sensor reports for tests: realistic DPRK launches seen by the three countries' sensors. */
public final class TestReports {

    public static final GeoPoint PYONGYANG = new GeoPoint(39.03, 125.75);
    /** Sea of Japan, inside Japan's EEZ, west of Hokkaido. */
    public static final GeoPoint JAPAN_EEZ = new GeoPoint(40.9, 138.6);
    /** Sea of Japan, outside every EEZ. */
    public static final GeoPoint OPEN_SEA = new GeoPoint(40.5, 134.0);

    private TestReports() {
    }

    public static MissileLaunchReport report(String sensorId, Country country, String reportId, Instant detectedAt,
                                             GeoPoint launch, GeoPoint impact) {
        return report(sensorId, country, reportId, detectedAt, launch, impact, MissileClass.ICBM, 0.8,
                TrafficStatus.ACTUAL, null);
    }

    public static MissileLaunchReport report(String sensorId, Country country, String reportId, Instant detectedAt,
                                             GeoPoint launch, GeoPoint impact, MissileClass missileClass,
                                             double confidence, TrafficStatus status, List<TrackPoint> track) {
        return new MissileLaunchReport(reportId, sensorId, country, detectedAt, launch, impact, 6000.0, 1000.0,
                4000, missileClass, confidence, track, status);
    }

    public static GeoPoint offset(GeoPoint p, double dLat, double dLon) {
        return new GeoPoint(p.lat() + dLat, p.lon() + dLon);
    }
}
