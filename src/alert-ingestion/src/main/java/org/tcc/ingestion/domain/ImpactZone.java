package org.tcc.ingestion.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;

/**
 * An area countries must be warned about: land territory or an exclusive economic zone, in lon/lat (WGS84), with
 * longitudes in [-180, 180] (an area across the antimeridian is stored as its two halves). A disputed area (or one
 * whose boundary is not agreed) names every claimant and concerns every participating one: a warning errs on the
 * side of telling. The geometry is prepared (indexed) once, so a point or a track is tested in microseconds.
 *
 * @param countries the participating countries the area concerns (at least one)
 * @param claimants every claimant, ISO alpha-3, participants or not; empty unless disputed
 */
public record ImpactZone(String id, String name, Kind kind, Set<Country> countries, boolean disputed,
                         List<String> claimants, PreparedGeometry area) {

    public enum Kind { TERRITORY, EEZ }

    private static final GeometryFactory FACTORY = new GeometryFactory();

    public ImpactZone {
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("zone " + id + " concerns no participating country");
        }
        countries = Set.copyOf(EnumSet.copyOf(countries));
        claimants = List.copyOf(claimants);
    }

    public static ImpactZone of(String id, String name, Kind kind, Set<Country> countries, boolean disputed,
                                List<String> claimants, Geometry area) {
        return new ImpactZone(id, name, kind, countries, disputed, claimants, PreparedGeometryFactory.prepare(area));
    }

    public boolean contains(GeoPoint p) {
        return area.covers(FACTORY.createPoint(new Coordinate(Geo.normalizeLon(p.lon()), p.lat())));
    }

    /** The (antimeridian-split, lon/lat) track passes over this area. */
    public boolean crossedBy(Geometry track) {
        return area.intersects(track);
    }
}
