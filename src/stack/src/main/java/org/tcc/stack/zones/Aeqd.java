package org.tcc.stack.zones;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.geom.CoordinateSequence;

/**
 * Spherical azimuthal-equidistant projection (metres) about a centre: distances and directions from the centre are
 * true, so a buffer drawn around a nearby coast in this plane is the geodesic buffer to within a fraction of a
 * percent. The inverse gives longitudes unwrapped around the centre's (continuous across the antimeridian).
 */
final class Aeqd {

    static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double lat0;
    private final double lon0;
    private final double sinLat0;
    private final double cosLat0;

    Aeqd(double latDeg, double lonDeg) {
        this.lat0 = Math.toRadians(latDeg);
        this.lon0 = Math.toRadians(lonDeg);
        this.sinLat0 = Math.sin(lat0);
        this.cosLat0 = Math.cos(lat0);
    }

    double lonDeg() {
        return Math.toDegrees(lon0);
    }

    /** x = lon, y = lat in degrees → x, y in metres. */
    void forward(Coordinate c) {
        double lat = Math.toRadians(c.y);
        double dLon = Math.toRadians(c.x) - lon0;
        double cosC = sinLat0 * Math.sin(lat) + cosLat0 * Math.cos(lat) * Math.cos(dLon);
        double angle = Math.acos(Math.max(-1, Math.min(1, cosC)));
        double k = angle < 1e-12 ? 1 : angle / Math.sin(angle);
        double x = EARTH_RADIUS_M * k * Math.cos(lat) * Math.sin(dLon);
        double y = EARTH_RADIUS_M * k * (cosLat0 * Math.sin(lat) - sinLat0 * Math.cos(lat) * Math.cos(dLon));
        c.x = x;
        c.y = y;
    }

    /** Metres → lon (unwrapped around the centre), lat in degrees. */
    void inverse(Coordinate c) {
        double rho = Math.hypot(c.x, c.y);
        if (rho < 1e-9) {
            c.x = Math.toDegrees(lon0);
            c.y = Math.toDegrees(lat0);
            return;
        }
        double angle = rho / EARTH_RADIUS_M;
        double sinC = Math.sin(angle);
        double cosC = Math.cos(angle);
        double lat = Math.asin(Math.max(-1, Math.min(1, cosC * sinLat0 + c.y * sinC * cosLat0 / rho)));
        double lon = lon0 + Math.atan2(c.x * sinC, rho * cosLat0 * cosC - c.y * sinLat0 * sinC);
        c.x = Math.toDegrees(lon);
        c.y = Math.toDegrees(lat);
    }

    Geometry forward(Geometry g) {
        return transform(g, true);
    }

    Geometry inverse(Geometry g) {
        return transform(g, false);
    }

    private Geometry transform(Geometry g, boolean forward) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                Coordinate[] out = new Coordinate[coords.size()];
                for (int i = 0; i < out.length; i++) {
                    Coordinate c = new Coordinate(coords.getX(i), coords.getY(i));
                    if (forward) {
                        forward(c);
                    } else {
                        inverse(c);
                    }
                    out[i] = c;
                }
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(g);
    }
}
