package org.tcc.ingestion.domain;

import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Region;

/** The region of a sensor alert: where the missile comes down if known, else where it was launched. */
public final class Regions {

    private Regions() {
    }

    public static Region of(LaunchEstimate launch) {
        GeoPoint where = launch.predictedImpactPoint() != null ? launch.predictedImpactPoint() : launch.launchPoint();
        double lat = where.lat();
        double lon = where.lon();
        if (lat >= 33.0 && lat <= 43.0 && lon >= 124.0 && lon <= 130.0 && !(lon > 128.6 && lat > 38.0)) {
            return Region.KOREAN_PENINSULA;
        }
        if (lat >= 34.0 && lat <= 52.0 && lon >= 127.5 && lon <= 142.5) {
            return Region.SEA_OF_JAPAN;
        }
        if (lat >= 25.0 && lat < 34.0 && lon >= 120.0 && lon <= 131.0) {
            return Region.EAST_CHINA_SEA;
        }
        if (lat >= 21.5 && lat < 25.5 && lon >= 117.0 && lon < 122.5) {
            return Region.TAIWAN_STRAIT;
        }
        if (lat >= 0.0 && lat < 21.5 && lon >= 105.0 && lon <= 121.0) {
            return Region.SOUTH_CHINA_SEA;
        }
        return Region.OTHER;
    }
}
