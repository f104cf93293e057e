package org.tcc.ingestion.domain;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.tcc.contracts.events.GeoPoint;

/**
 * Geometry on WGS84 coordinates, treated as a sphere (ample for fusion and warning): great-circle distances, means
 * of positions as 3-D unit vectors, and ground tracks as great circles. Everything here works across the
 * antimeridian: no arithmetic on degrees of longitude.
 */
public final class Geo {

    static final double EARTH_RADIUS_KM = 6371.0088;

    private static final GeometryFactory FACTORY = new GeometryFactory();

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

    /** {@code lon} brought into [-180, 180). */
    public static double normalizeLon(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return l == -180 && lon > 0 ? 180 : l;
    }

    /**
     * The weighted mean position: the normalized weighted sum of the points' 3-D unit vectors. Unlike means of
     * degrees it is right across the antimeridian (179.9E and 179.9W average to 180, not 0) and near the poles.
     * Points that cancel out exactly (antipodes) have no mean; the first point is returned then.
     */
    public static GeoPoint vectorMean(List<GeoPoint> points, List<Double> weights) {
        if (points.isEmpty() || points.size() != weights.size()) {
            throw new IllegalArgumentException("one weight per point, at least one point");
        }
        double x = 0;
        double y = 0;
        double z = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] v = vector(points.get(i));
            double w = weights.get(i);
            x += w * v[0];
            y += w * v[1];
            z += w * v[2];
        }
        double norm = Math.sqrt(x * x + y * y + z * z);
        if (norm < 1e-12) {
            return points.get(0);
        }
        return point(x / norm, y / norm, z / norm);
    }

    /** The point a fraction {@code f} of the way from {@code a} to {@code b} along the great circle. */
    public static GeoPoint intermediate(GeoPoint a, GeoPoint b, double f) {
        double[] va = vector(a);
        double[] vb = vector(b);
        double dot = Math.max(-1, Math.min(1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
        double angle = Math.acos(dot);
        if (angle < 1e-12) {
            return a;
        }
        double sa = Math.sin((1 - f) * angle) / Math.sin(angle);
        double sb = Math.sin(f * angle) / Math.sin(angle);
        return point(sa * va[0] + sb * vb[0], sa * va[1] + sb * vb[1], sa * va[2] + sb * vb[2]);
    }

    /**
     * The path through {@code waypoints}, each leg a great circle sampled at most {@code stepKm} apart, as lon/lat
     * lines split where they cross the antimeridian (so each piece can be tested against zones in lon/lat).
     */
    public static MultiLineString groundTrack(List<GeoPoint> waypoints, double stepKm) {
        List<GeoPoint> dense = new ArrayList<>();
        for (int i = 0; i < waypoints.size(); i++) {
            GeoPoint p = waypoints.get(i);
            if (i > 0) {
                sampleLeg(waypoints.get(i - 1), p, stepKm, dense);
            }
            dense.add(new GeoPoint(p.lat(), normalizeLon(p.lon())));
        }
        List<LineString> lines = new ArrayList<>();
        List<Coordinate> current = new ArrayList<>();
        for (int i = 0; i < dense.size(); i++) {
            GeoPoint p = dense.get(i);
            if (i > 0) {
                GeoPoint q = dense.get(i - 1);
                double dLon = p.lon() - q.lon();
                if (Math.abs(dLon) > 180) {
                    // crosses the antimeridian: end this piece at ±180, start the next at ∓180
                    double edge = dLon < 0 ? 180 : -180;
                    double unwrapped = p.lon() + (dLon < 0 ? 360 : -360);
                    double f = (edge - q.lon()) / (unwrapped - q.lon());
                    double lat = q.lat() + f * (p.lat() - q.lat());
                    current.add(new Coordinate(edge, lat));
                    lines.add(line(current));
                    current = new ArrayList<>();
                    current.add(new Coordinate(-edge, lat));
                }
            }
            current.add(new Coordinate(p.lon(), p.lat()));
        }
        lines.add(line(current));
        return FACTORY.createMultiLineString(lines.toArray(new LineString[0]));
    }

    /**
     * The points strictly between {@code a} and {@code b} on their great circle, evenly spaced at most
     * {@code stepKm} apart: a rotation of {@code a} towards {@code b} by equal angles (one sine and cosine per leg,
     * the rest by the angle-addition recurrence).
     */
    private static void sampleLeg(GeoPoint a, GeoPoint b, double stepKm, List<GeoPoint> out) {
        double[] va = vector(a);
        double[] vb = vector(b);
        double dot = Math.max(-1, Math.min(1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
        double angle = Math.acos(dot);
        int steps = (int) Math.ceil(angle * EARTH_RADIUS_KM / stepKm);
        if (steps < 2 || Math.sin(angle) < 1e-12) {
            return;
        }
        // u: unit vector perpendicular to a, in the plane of a and b, towards b
        double ux = vb[0] - dot * va[0];
        double uy = vb[1] - dot * va[1];
        double uz = vb[2] - dot * va[2];
        double norm = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= norm;
        uy /= norm;
        uz /= norm;
        double delta = angle / steps;
        double cosDelta = Math.cos(delta);
        double sinDelta = Math.sin(delta);
        double c = 1;
        double s = 0;
        for (int k = 1; k < steps; k++) {
            double nextC = c * cosDelta - s * sinDelta;
            s = s * cosDelta + c * sinDelta;
            c = nextC;
            out.add(point(c * va[0] + s * ux, c * va[1] + s * uy, c * va[2] + s * uz));
        }
    }

    private static LineString line(List<Coordinate> coordinates) {
        if (coordinates.size() == 1) {
            coordinates.add(new Coordinate(coordinates.get(0)));
        }
        return FACTORY.createLineString(coordinates.toArray(new Coordinate[0]));
    }

    private static double[] vector(GeoPoint p) {
        double lat = Math.toRadians(p.lat());
        double lon = Math.toRadians(p.lon());
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    private static GeoPoint point(double x, double y, double z) {
        double lat = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
        double lon = Math.toDegrees(Math.atan2(y, x));
        return new GeoPoint(lat, normalizeLon(lon));
    }
}
