package org.tcc.stack.zones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Regenerates the console's base map ({@code src/console/.../map/basemap.geojson}): the land of every country of
 * East Asia and the western and central Pacific, from Natural Earth 1:50m Admin 0 countries as the npm package
 * {@code world-atlas} ships them (TopoJSON, decoded by {@link TopoJson} like the impact zones). Clipped to the
 * region, simplified, rounded, and written with d3-geo's ring orientation (exterior rings clockwise), so the page
 * draws it as it is. Run by {@code deploy/console/generate-basemap.sh}; the build and the tests read the committed
 * file, whose top-level {@code properties} record source, checksum, licence and method.
 */
public final class BaseMapGenerator {

    /** The region drawn: longitudes 95°E to 180° and 180° to 140°W (Hawaii, the Aleutians), latitudes 20°S to 62°N. */
    static final List<Envelope> REGION = List.of(new Envelope(95, 180, -20, 62), new Envelope(-180, -140, -20, 62));
    static final double SIMPLIFY_DEGREES = 0.02;
    static final int DECIMALS = 3;

    private BaseMapGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BaseMapGenerator <countries-50m.json> <package@version> <out.geojson>");
            System.exit(2);
        }
        byte[] source = Files.readAllBytes(Path.of(args[0]));
        ObjectMapper mapper = new ObjectMapper();
        GeometryFactory factory = new GeometryFactory();
        ObjectNode collection = mapper.createObjectNode();
        collection.put("type", "FeatureCollection");
        collection.put("name", "TCC console base map");
        ObjectNode properties = collection.putObject("properties");
        properties.put("description", "Land and national borders of East Asia and the western and central Pacific,"
                + " for the console's alert map (not for assessment: impacts are assessed against the zone file).");
        properties.put("source", "Natural Earth 1:50m Admin 0 countries, as TopoJSON in the npm package " + args[1]
                + " (countries-50m.json)");
        properties.put("sourceSha256", sha256(source));
        properties.put("licence", "Natural Earth data: public domain (naturalearthdata.com terms of use);"
                + " world-atlas packaging: ISC. This derived file is released under the same terms.");
        properties.put("method", "Each country's polygons clipped to lon 95..180 and -180..-140, lat -20..62;"
                + " topology-preserving simplification " + SIMPLIFY_DEGREES + " degrees; coordinates rounded to "
                + DECIMALS + " decimals; exterior rings clockwise, holes counter-clockwise (d3-geo's spherical"
                + " orientation, the reverse of RFC 7946's advice).");
        properties.put("generator", "org.tcc.stack.zones.BaseMapGenerator (deploy/console/generate-basemap.sh)");
        ArrayNode features = collection.putArray("features");
        JsonNode topology = mapper.readTree(source);
        for (TopoJson.Country country : TopoJson.countries(topology, "countries", factory).values()) {
            List<Polygon> clipped = new ArrayList<>();
            for (Polygon polygon : country.polygons()) {
                Geometry fixed = GeometryFixer.fix(polygon);
                for (Envelope box : REGION) {
                    if (!fixed.getEnvelopeInternal().intersects(box)) {
                        continue;
                    }
                    Geometry part = TopologyPreservingSimplifier.simplify(
                            fixed.intersection(factory.toGeometry(box)), SIMPLIFY_DEGREES);
                    for (int i = 0; i < part.getNumGeometries(); i++) {
                        if (part.getGeometryN(i) instanceof Polygon p && !p.isEmpty() && p.getArea() > 1e-4) {
                            clipped.add(p);
                        }
                    }
                }
            }
            if (clipped.isEmpty()) {
                continue;
            }
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.putObject("properties").put("id", country.id()).put("name", country.name());
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", "MultiPolygon");
            ArrayNode polygons = geometry.putArray("coordinates");
            for (Polygon p : clipped) {
                ArrayNode rings = polygons.addArray();
                ring(rings.addArray(), p.getExteriorRing(), true);
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    ring(rings.addArray(), p.getInteriorRingN(i), false);
                }
            }
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(mapper.writeValueAsString(collection));
            w.write("\n");
        }
        System.out.println("wrote " + features.size() + " countries to " + out);
    }

    /** A ring in d3-geo's orientation: clockwise (in lon/lat) for an exterior, counter-clockwise for a hole. */
    private static void ring(ArrayNode out, org.locationtech.jts.geom.LineString ring, boolean exterior) {
        Coordinate[] points = ring.getCoordinates();
        boolean ccw = Orientation.isCCW(points);
        if (ccw == exterior) {
            points = ((LinearRing) ring.reverse()).getCoordinates();
        }
        double scale = Math.pow(10, DECIMALS);
        for (Coordinate c : points) {
            out.addArray().add(Math.round(c.x * scale) / scale).add(Math.round(c.y * scale) / scale);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
