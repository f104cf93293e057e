package org.tcc.ingestion.rest.cap;

import java.util.Locale;
import org.tcc.contracts.events.GeoPoint;

/**
 * CAP 1.2 area geometry in text: a point is {@code lat,lon} in WGS 84 decimal degrees; a {@code <polygon>} is at
 * least four blank-separated points whose first and last are the same; a {@code <circle>} is a point, a blank
 * and a radius in km.
 */
public final class CapGeometry {

    private static final String DECIMAL = "[-+]?(\\d+(\\.\\d*)?|\\.\\d+)";

    private CapGeometry() {
    }

    static boolean decimal(String value) {
        return value.matches(DECIMAL);
    }

    /** What is wrong with a polygon, or null if it is a valid CAP polygon. */
    static String polygonProblem(String text) {
        String[] points = text.strip().split("\\s+");
        if (points.length < 4) {
            return "needs at least 4 points (lat,lon separated by blanks), the first repeated as the last; it has "
                    + (text.isBlank() ? 0 : points.length);
        }
        for (String point : points) {
            String problem = pointProblem(point);
            if (problem != null) {
                return problem;
            }
        }
        double[] first = point(points[0]);
        double[] last = point(points[points.length - 1]);
        if (first[0] != last[0] || first[1] != last[1]) {
            return "must be closed: its first point " + points[0] + " differs from its last " + points[points.length
                    - 1];
        }
        return null;
    }

    /** What is wrong with a circle, or null if it is a valid CAP circle. */
    static String circleProblem(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            return "must be lat,lon followed by a blank and the radius in km, e.g. 38.47,-120.14 10";
        }
        String problem = pointProblem(parts[0]);
        if (problem != null) {
            return problem;
        }
        if (!decimal(parts[1]) || Double.parseDouble(parts[1]) < 0) {
            return "radius '" + parts[1] + "' must be a number of km, 0 or more";
        }
        return null;
    }

    private static String pointProblem(String point) {
        String[] latLon = point.split(",", -1);
        if (latLon.length != 2 || !decimal(latLon[0]) || !decimal(latLon[1])) {
            return "'" + point + "' is not a lat,lon point in decimal degrees";
        }
        double lat = Double.parseDouble(latLon[0]);
        double lon = Double.parseDouble(latLon[1]);
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            return "'" + point + "' is outside [-90, 90] latitude, [-180, 180] longitude";
        }
        return null;
    }

    private static double[] point(String point) {
        String[] latLon = point.split(",");
        return new double[] {Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])};
    }

    /** A point as CAP writes it, to four decimals (about 10 m). */
    public static String point(GeoPoint p) {
        return String.format(Locale.ROOT, "%.4f,%.4f", p.lat(), p.lon());
    }

    /** A circle around a point with a radius in km. */
    public static String circle(GeoPoint p, double radiusKm) {
        return point(p) + " " + (radiusKm == Math.rint(radiusKm) ? String.valueOf((long) radiusKm)
                : String.format(Locale.ROOT, "%.3f", radiusKm));
    }
}
