package org.tcc.stack.zones;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Decodes a quantized TopoJSON object collection (world-atlas) into JTS polygons per feature id. */
final class TopoJson {

    /** One country of the atlas: ISO 3166-1 numeric id, name, polygons in lon/lat. */
    record Country(String id, String name, List<Polygon> polygons) {
    }

    private TopoJson() {
    }

    static Map<String, Country> countries(JsonNode topology, String object, GeometryFactory factory) {
        double sx = topology.path("transform").path("scale").get(0).asDouble();
        double sy = topology.path("transform").path("scale").get(1).asDouble();
        double tx = topology.path("transform").path("translate").get(0).asDouble();
        double ty = topology.path("transform").path("translate").get(1).asDouble();
        List<Coordinate[]> arcs = new ArrayList<>();
        for (JsonNode arc : topology.path("arcs")) {
            Coordinate[] points = new Coordinate[arc.size()];
            long x = 0;
            long y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                points[i] = new Coordinate(x * sx + tx, y * sy + ty);
            }
            arcs.add(points);
        }
        Map<String, Country> countries = new LinkedHashMap<>();
        for (JsonNode geometry : topology.path("objects").path(object).path("geometries")) {
            String id = geometry.path("id").asText(null);
            if (id == null) {
                continue;
            }
            List<Polygon> polygons = new ArrayList<>();
            String type = geometry.path("type").asText();
            if ("Polygon".equals(type)) {
                polygons.add(polygon(geometry.path("arcs"), arcs, factory));
            } else if ("MultiPolygon".equals(type)) {
                for (JsonNode polygon : geometry.path("arcs")) {
                    polygons.add(polygon(polygon, arcs, factory));
                }
            }
            countries.put(id, new Country(id, geometry.path("properties").path("name").asText(id), polygons));
        }
        return countries;
    }

    private static Polygon polygon(JsonNode rings, List<Coordinate[]> arcs, GeometryFactory factory) {
        LinearRing shell = ring(rings.get(0), arcs, factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), arcs, factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode arcIndexes, List<Coordinate[]> arcs, GeometryFactory factory) {
        List<Coordinate> points = new ArrayList<>();
        for (JsonNode index : arcIndexes) {
            int i = index.asInt();
            Coordinate[] arc = arcs.get(i >= 0 ? i : ~i);
            for (int k = 0; k < arc.length; k++) {
                Coordinate c = arc[i >= 0 ? k : arc.length - 1 - k];
                if (!points.isEmpty() && k == 0) {
                    continue; // shared with the previous arc's last point
                }
                points.add(new Coordinate(c));
            }
        }
        if (!points.get(0).equals2D(points.get(points.size() - 1))) {
            points.add(new Coordinate(points.get(0)));
        }
        while (points.size() < 4) {
            points.add(new Coordinate(points.get(0)));
        }
        return factory.createLinearRing(points.toArray(new Coordinate[0]));
    }
}
