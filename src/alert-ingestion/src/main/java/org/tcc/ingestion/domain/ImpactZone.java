package org.tcc.ingestion.domain;

import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;

/**
 * An area a country must be warned about: its land territory or its exclusive economic zone. A zone is a
 * multipolygon: a list of polygons, each an outer ring followed by optional holes.
 */
public record ImpactZone(String name, Country country, Kind kind, List<List<List<GeoPoint>>> polygons) {

    public enum Kind { TERRITORY, EEZ }

    public ImpactZone {
        polygons = List.copyOf(polygons);
    }

    public boolean contains(GeoPoint p) {
        for (List<List<GeoPoint>> polygon : polygons) {
            if (Geo.inside(p, polygon.get(0))
                    && polygon.subList(1, polygon.size()).stream().noneMatch(hole -> Geo.inside(p, hole))) {
                return true;
            }
        }
        return false;
    }
}
