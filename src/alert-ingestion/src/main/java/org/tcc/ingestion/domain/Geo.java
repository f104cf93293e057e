package org.tcc.ingestion.domain;

import java.util.List;
import org.tcc.contracts.events.GeoPoint;

/** Great-circle distances and point-in-polygon tests on WGS84 coordinates (spherical Earth, ample for fusion). */
public final class Geo {

    static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {
    }

    public static double distanceKm(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * Even-odd ray casting in lon/lat space: true when {@code p} lies inside {@code ring} (first point need not be
     * repeated at the end). Rings must not cross the antimeridian.
     */
    public static boolean inside(GeoPoint p, List<GeoPoint> ring) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.lat() > p.lat()) != (b.lat() > p.lat())) {
                double lonAtLat = a.lon() + (p.lat() - a.lat()) * (b.lon() - a.lon()) / (b.lat() - a.lat());
                if (p.lon() < lonAtLat) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}
