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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Regenerates {@code zones/default-zones.geojson} (alert-ingestion) from Natural Earth's 1:10m Admin 0 countries as
 * the npm package {@code world-atlas} ships them (TopoJSON). Run by {@code deploy/zones/generate.sh}; the build and
 * the tests never run it, they read the committed file.
 *
 * <p>Method, per region, in an azimuthal-equidistant plane about the region's centre:
 * <ol>
 * <li>Territory: the participant's land polygons.</li>
 * <li>Exclusive economic zone, approximated: the 200-nmi buffer of the coast, drawn piece by piece in a local
 * azimuthal-equidistant plane about each piece (geodesic to well under 1 %), clipped to the area nearer that
 * country's coast than to any other coast (equidistance: a Voronoi diagram of coast points, at most
 * {@value #SITE_SPACING_M} m apart, of every country in the region), other countries' land removed.</li>
 * <li>Disputed land (the holder per Natural Earth, and every claimant): the disputed waters are, for each
 * participating claimant, what its zone gains when the land is counted as its own; they affect every participating
 * claimant. A band between the Japan–China median line and the Okinawa Trough (China's claimed limit) is marked
 * as not agreed.</li>
 * </ol>
 * Then simplified (topology-preserving), densified so lon/lat edges follow the plane's, split at the antimeridian
 * and rounded to {@value #DECIMALS} decimals.
 */
public final class ZoneGenerator {

    static final double NAUTICAL_MILE_M = 1852;
    static final double EEZ_M = 200 * NAUTICAL_MILE_M;
    static final double SITE_SPACING_M = 5000;
    static final double SITE_SIMPLIFY_M = 300;
    static final double BUFFER_SIMPLIFY_M = 1000;
    static final double BUFFER_CHUNK_M = 200_000;
    static final double TERRITORY_SIMPLIFY_M = 500;
    static final double EEZ_SIMPLIFY_M = 1500;
    static final double OUTPUT_DENSIFY_M = 20_000;
    static final int DECIMALS = 4;

    static final String SOURCE_PACKAGE = "world-atlas@2.0.2";
    static final String SOURCE_FILE = "countries-10m.json";

    static final Set<String> USA_IDS = Set.of("840", "316", "580", "581", "016", "630", "850");

    /** A lon/lat box; lonMax may pass 180 for a box across the antimeridian. */
    record Box(double lonMin, double lonMax, double latMin, double latMax) {

        boolean contains(double lon, double lat) {
            double l = lon < lonMin ? lon + 360 : lon;
            return l >= lonMin && l <= lonMax && lat >= latMin && lat <= latMax;
        }

        List<Double> json() {
            return List.of(lonMin, lonMax, latMin, latMax);
        }
    }

    /** Polygons of atlas country {@code id} (whose interior point is in {@code box}, when given) are zones. */
    record Target(String id, Box box) {
    }

    record Region(String name, String country, String territoryName, double lat, double lon, Box sites,
                  List<Target> targets) {
    }

    /** Land held (per Natural Earth) by {@code holderId} and claimed by others; {@code claimants} ISO alpha-3. */
    record Dispute(String id, String landName, String watersName, String holderId, Box selector,
                   List<String> claimants) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("Japan and Korea", "JPN/KOR", null, 33, 133, new Box(112, 165, 12, 56),
                    List.of(new Target("392", null), new Target("410", null))),
            new Region("Mariana Islands", "USA", "United States: Guam and the Northern Mariana Islands", 16, 145.5,
                    new Box(128, 165, 0, 32), List.of(new Target("316", null), new Target("580", null))),
            new Region("Wake Island", "USA", "United States: Wake Island", 19.3, 166.6, new Box(150, 185, 5, 35),
                    List.of(new Target("581", new Box(160, 170, 15, 25)))),
            new Region("Hawaii, Midway and Johnston", "USA", "United States: Hawaii, Midway and Johnston Atoll",
                    23, -164, new Box(175, 215, 10, 35),
                    List.of(new Target("840", new Box(178, 210, 15, 31)), new Target("581", new Box(178, 210, 15, 31)))),
            new Region("Alaska", "USA", "United States: Alaska and the Aleutian Islands", 58, -162,
                    new Box(150, 240, 42, 76), List.of(new Target("840", new Box(170, 231, 50, 72)))),
            new Region("Contiguous United States", "USA", "United States: contiguous states", 38, -97,
                    new Box(-135, -55, 15, 56), List.of(new Target("840", new Box(-126, -66, 24, 50)))),
            new Region("Puerto Rico and US Virgin Islands", "USA",
                    "United States: Puerto Rico and the US Virgin Islands", 18.2, -65.8, new Box(-75, -58, 10, 26),
                    List.of(new Target("630", null), new Target("850", null))),
            new Region("American Samoa", "USA", "United States: American Samoa", -14.3, -170.5,
                    new Box(-178, -163, -22, -7), List.of(new Target("016", null))));

    static final List<Dispute> DISPUTES = List.of(
            new Dispute("liancourt", "Dokdo / Takeshima (Liancourt Rocks)",
                    "Waters around Dokdo / Takeshima (Liancourt Rocks)", "410", new Box(131.7, 132.0, 37.1, 37.4),
                    List.of("KOR", "JPN")),
            new Dispute("southern-kurils", "Southern Kuril Islands / Northern Territories",
                    "Waters around the Southern Kuril Islands / Northern Territories", "643",
                    new Box(145.3, 149.2, 43.0, 45.65), List.of("JPN", "RUS")),
            new Dispute("senkaku", "Senkaku Islands / Diaoyu Islands",
                    "Waters around the Senkaku Islands / Diaoyu Islands", "392", new Box(123.3, 123.8, 25.6, 26.0),
                    List.of("JPN", "CHN", "TWN")));

    /** Owner codes of claimants that are not participants, as atlas ids. */
    static final Map<String, String> NON_PARTICIPANTS = Map.of("RUS", "NE:643", "CHN", "NE:156", "TWN", "NE:158");

    /**
     * Approximate axis of the Okinawa Trough (lon, lat), China's claimed limit in the East China Sea; Japan's claim
     * is the median line. The waters of Japan's approximated zone north-west of this line are marked not agreed.
     */
    static final double[][] OKINAWA_TROUGH = {{129.6, 31.2}, {128.6, 29.6}, {127.6, 28.2}, {126.9, 27.3},
            {125.6, 26.1}, {124.3, 25.4}, {123.0, 25.05}, {122.2, 24.95}};
    static final double[][] OKINAWA_TROUGH_CLOSURE = {{122.0, 26.5}, {125.0, 31.2}};

    private final GeometryFactory factory = new GeometryFactory();
    private final Map<String, TopoJson.Country> atlas;
    private final List<ObjectNode> features = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    private ZoneGenerator(Map<String, TopoJson.Country> atlas) {
        this.atlas = atlas;
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("jts.overlay", "ng"); // the robust overlay (snapping noder) for every set operation
        if (args.length != 2) {
            System.err.println("usage: ZoneGenerator <world-atlas countries-10m.json> <output.geojson>");
            System.exit(2);
        }
        byte[] source = Files.readAllBytes(Path.of(args[0]));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode topology = mapper.readTree(source);
        ZoneGenerator generator = new ZoneGenerator(TopoJson.countries(topology, "countries", new GeometryFactory()));
        for (Region region : REGIONS) {
            long start = System.nanoTime();
            generator.region(region);
            System.err.printf("%s: %.1f s%n", region.name(), (System.nanoTime() - start) / 1e9);
        }
        generator.write(Path.of(args[1]), sha256(source));
    }

    // ---------------------------------------------------------------- one region

    private record Piece(String label, boolean target, Polygon lonLat, Geometry plane) {
    }

    private void region(Region region) {
        Aeqd plane = new Aeqd(region.lat(), region.lon());
        Geometry box = factory.toGeometry(new Envelope(region.sites().lonMin(), region.sites().lonMax(),
                region.sites().latMin(), region.sites().latMax()));
        List<Piece> pieces = new ArrayList<>();
        for (TopoJson.Country country : atlas.values()) {
            for (Polygon polygon : country.polygons()) {
                Point inside = polygon.getInteriorPoint();
                String label = label(country.id(), inside);
                boolean target = region.targets().stream().anyMatch(t -> t.id().equals(country.id())
                        && (t.box() == null || t.box().contains(inside.getX(), inside.getY())));
                for (int shift = -360; shift <= 360; shift += 360) {
                    Geometry shifted = AffineTransformation.translationInstance(shift, 0).transform(polygon);
                    if (!shifted.getEnvelopeInternal().intersects(box.getEnvelopeInternal())) {
                        continue;
                    }
                    Geometry clipped = GeometryFixer.fix(shifted).intersection(box);
                    if (clipped.isEmpty()) {
                        continue;
                    }
                    pieces.add(new Piece(label, target, polygon, plane.forward(clipped)));
                }
            }
        }
        // labels whose buffer is needed: targets and disputed land
        Map<String, List<Geometry>> buffers = new LinkedHashMap<>();
        Map<String, List<Geometry>> land = new LinkedHashMap<>();
        for (Piece piece : pieces) {
            land.computeIfAbsent(piece.label(), k -> new ArrayList<>()).add(piece.plane());
            if (piece.target() || (piece.label().startsWith("D:") && isInRegion(region, piece))) {
                buffers.computeIfAbsent(piece.label(), k -> new ArrayList<>()).add(buffer(piece.lonLat(), plane));
            }
        }
        if (buffers.isEmpty()) {
            throw new IllegalStateException("region " + region.name() + " has no target");
        }
        Map<String, Geometry> bufferOf = new LinkedHashMap<>();
        buffers.forEach((label, parts) -> bufferOf.put(label, union(parts)));
        Map<String, Geometry> landOf = new LinkedHashMap<>();
        land.forEach((label, parts) -> landOf.put(label, union(parts)));

        Envelope clip = new Envelope();
        bufferOf.values().forEach(g -> clip.expandToInclude(g.getEnvelopeInternal()));
        clip.expandBy(50_000);
        Map<String, Geometry> cellsOf = cells(pieces, clip, bufferOf.keySet());

        Map<String, String> base = new LinkedHashMap<>();
        List<Dispute> disputes = DISPUTES.stream().filter(d -> bufferOf.containsKey("D:" + d.id())).toList();
        disputes.forEach(d -> base.put(d.id(), owner(d.holderId())));

        List<String> participants = bufferOf.keySet().stream().filter(l -> !l.startsWith("D:")).toList();
        Map<String, Geometry> eez = new LinkedHashMap<>();
        for (String country : participants) {
            eez.put(country, eez(country, base, bufferOf, cellsOf, landOf));
        }
        Geometry disputedWaters = factory.createGeometryCollection();
        for (Dispute dispute : disputes) {
            List<Geometry> gained = new ArrayList<>();
            for (String claimant : dispute.claimants()) {
                if (NON_PARTICIPANTS.containsKey(claimant)) {
                    continue;
                }
                String holder = base.get(dispute.id());
                String otherwise = !holder.equals(claimant) ? holder : dispute.claimants().stream()
                        .filter(c -> !c.equals(claimant)).map(ZoneGenerator::ownerOfClaimant).findFirst().orElseThrow();
                Map<String, String> theirs = new LinkedHashMap<>(base);
                theirs.put(dispute.id(), claimant);
                Map<String, String> notTheirs = new LinkedHashMap<>(base);
                notTheirs.put(dispute.id(), otherwise);
                gained.add(eez(claimant, theirs, bufferOf, cellsOf, landOf)
                        .difference(eez(claimant, notTheirs, bufferOf, cellsOf, landOf)));
            }
            Geometry disputedLand = landOf.get("D:" + dispute.id());
            Geometry waters = union(gained).union(disputedLand);
            disputedWaters = disputedWaters.union(waters);
            feature("zone-" + dispute.id(), dispute.landName(), "TERRITORY", null, dispute.claimants(), region,
                    disputedLand, TERRITORY_SIMPLIFY_M, plane);
            feature("eez-" + dispute.id(), dispute.watersName(), "EEZ", null, dispute.claimants(), region, waters,
                    EEZ_SIMPLIFY_M, plane);
        }
        if (eez.containsKey("JPN")) {
            Geometry troughSide = plane.forward(troughSide());
            Geometry band = eez.get("JPN").intersection(troughSide).difference(disputedWaters);
            feature("eez-east-china-sea-jpn-chn", "East China Sea between the Japan–China median line and the "
                            + "Okinawa Trough (boundary not agreed)", "EEZ", null, List.of("JPN", "CHN"), region, band,
                    EEZ_SIMPLIFY_M, plane);
            disputedWaters = disputedWaters.union(band);
        }
        for (String country : participants) {
            Geometry territory = landOf.get(country).intersection(union(pieces.stream()
                    .filter(p -> p.target() && p.label().equals(country)).map(Piece::plane).toList()));
            String name = region.territoryName() != null ? region.territoryName()
                    : "JPN".equals(country) ? "Japan" : "Republic of Korea";
            feature("zone-" + slug(name), name, "TERRITORY", country, null, region, territory,
                    TERRITORY_SIMPLIFY_M, plane);
            feature("eez-" + slug(name), "Exclusive economic zone (approximated): " + name, "EEZ", country, null,
                    region, eez.get(country).difference(disputedWaters), EEZ_SIMPLIFY_M, plane);
        }
    }

    private Geometry union(List<Geometry> parts) {
        Geometry united = UnaryUnionOp.union(parts);
        return united == null ? factory.createGeometryCollection() : united;
    }

    private static boolean isInRegion(Region region, Piece piece) {
        Point inside = piece.lonLat().getInteriorPoint();
        return region.sites().contains(inside.getX(), inside.getY());
    }

    /** The zone of {@code country} when disputed land is owned as {@code owners} says. */
    private Geometry eez(String country, Map<String, String> owners, Map<String, Geometry> bufferOf,
                         Map<String, Geometry> cellsOf, Map<String, Geometry> landOf) {
        List<Geometry> buffers = new ArrayList<>();
        List<Geometry> cells = new ArrayList<>();
        List<Geometry> foreign = new ArrayList<>();
        for (Map.Entry<String, Geometry> land : landOf.entrySet()) {
            String label = land.getKey();
            String owner = label.startsWith("D:") ? owners.get(label.substring(2)) : label;
            if (country.equals(owner)) {
                if (bufferOf.containsKey(label)) {
                    buffers.add(bufferOf.get(label));
                }
                if (cellsOf.containsKey(label)) {
                    cells.add(cellsOf.get(label));
                }
            } else {
                foreign.add(land.getValue());
            }
        }
        Geometry zone = union(buffers).intersection(union(cells));
        return zone.difference(union(foreign));
    }

    /** Voronoi cells of coast points, united per label (only the labels asked for). */
    private Map<String, Geometry> cells(List<Piece> pieces, Envelope clip, Set<String> wanted) {
        Map<Coordinate, String> sites = new LinkedHashMap<>();
        Envelope reach = new Envelope(clip);
        reach.expandBy(EEZ_M + 100_000);
        for (Piece piece : pieces) {
            if (!piece.plane().getEnvelopeInternal().intersects(reach)) {
                continue;
            }
            Geometry simple = DouglasPeuckerSimplifier.simplify(piece.plane(), SITE_SIMPLIFY_M);
            Geometry outline = (simple.isEmpty() ? piece.plane() : simple).getBoundary();
            for (Coordinate c : Densifier.densify(outline, SITE_SPACING_M).getCoordinates()) {
                if (reach.contains(c)) {
                    sites.putIfAbsent(new Coordinate(Math.rint(c.x), Math.rint(c.y)), piece.label());
                }
            }
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites.keySet());
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        Map<String, List<Geometry>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            String label = sites.get((Coordinate) cell.getUserData());
            if (label != null && wanted.contains(label)) {
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(cell);
            }
        }
        Map<String, Geometry> united = new LinkedHashMap<>();
        byLabel.forEach((label, list) -> united.put(label, union(list)));
        System.err.printf("  %d coast points, cells for %s%n", sites.size(), united.keySet());
        return united;
    }

    /**
     * The 200-nmi buffer of a land polygon, in the region's plane: the polygon plus the buffer of its coast, each
     * stretch of coast (at most {@value #BUFFER_CHUNK_M} m) buffered in its own azimuthal-equidistant plane.
     */
    private Geometry buffer(Polygon lonLat, Aeqd region) {
        List<Geometry> parts = new ArrayList<>();
        Point centre = lonLat.getCentroid();
        Aeqd local = new Aeqd(centre.getY(), centre.getX());
        Geometry planar = local.forward(lonLat);
        Geometry simple = DouglasPeuckerSimplifier.simplify(planar, BUFFER_SIMPLIFY_M);
        if (simple.isEmpty()) {
            simple = planar;
        }
        Envelope env = simple.getEnvelopeInternal();
        if (Math.max(env.getWidth(), env.getHeight()) <= BUFFER_CHUNK_M) {
            parts.add(toRegion(simple.buffer(EEZ_M, 8), local, region));
        } else {
            parts.add(toRegion(Densifier.densify(simple, 20_000), local, region));
            Coordinate[] coast = local.inverse(simple.getBoundary()).getCoordinates();
            int start = 0;
            while (start < coast.length - 1) {
                List<Coordinate> stretch = new ArrayList<>();
                stretch.add(coast[start]);
                double length = 0;
                int i = start;
                while (i < coast.length - 1 && length < BUFFER_CHUNK_M) {
                    length += distanceM(coast[i], coast[i + 1]);
                    i++;
                    stretch.add(coast[i]);
                }
                LineString line = factory.createLineString(stretch.toArray(new Coordinate[0]));
                Point mid = line.getCentroid();
                Aeqd stretchPlane = new Aeqd(mid.getY(), mid.getX());
                parts.add(toRegion(stretchPlane.forward(line).buffer(EEZ_M, 8), stretchPlane, region));
                start = i;
            }
        }
        return union(parts);
    }

    private Geometry toRegion(Geometry planar, Aeqd from, Aeqd to) {
        return GeometryFixer.fix(to.forward(from.inverse(Densifier.densify(planar, 10_000))));
    }

    private static double distanceM(Coordinate a, Coordinate b) {
        double lat1 = Math.toRadians(a.y);
        double lat2 = Math.toRadians(b.y);
        double h = Math.pow(Math.sin((lat2 - lat1) / 2), 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(Math.toRadians(b.x - a.x) / 2), 2);
        return 2 * Aeqd.EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private Geometry troughSide() {
        List<Coordinate> ring = new ArrayList<>();
        for (double[] p : OKINAWA_TROUGH) {
            ring.add(new Coordinate(p[0], p[1]));
        }
        for (double[] p : OKINAWA_TROUGH_CLOSURE) {
            ring.add(new Coordinate(p[0], p[1]));
        }
        ring.add(new Coordinate(OKINAWA_TROUGH[0][0], OKINAWA_TROUGH[0][1]));
        return Densifier.densify(factory.createPolygon(ring.toArray(new Coordinate[0])), 0.1);
    }

    // ---------------------------------------------------------------- labels

    private String label(String atlasId, Point inside) {
        for (Dispute d : DISPUTES) {
            if (d.holderId().equals(atlasId) && d.selector().contains(inside.getX(), inside.getY())) {
                return "D:" + d.id();
            }
        }
        return owner(atlasId);
    }

    static String owner(String atlasId) {
        if ("392".equals(atlasId)) {
            return "JPN";
        }
        if ("410".equals(atlasId)) {
            return "KOR";
        }
        return USA_IDS.contains(atlasId) ? "USA" : "NE:" + atlasId;
    }

    private static String ownerOfClaimant(String claimant) {
        return NON_PARTICIPANTS.getOrDefault(claimant, claimant);
    }

    private static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    // ---------------------------------------------------------------- output

    private void feature(String id, String name, String kind, String country, List<String> claimants, Region region,
                         Geometry planar, double tolerance, Aeqd plane) {
        Geometry simple = TopologyPreservingSimplifier.simplify(planar, tolerance);
        Geometry lonLat = plane.inverse(Densifier.densify(simple, OUTPUT_DENSIFY_M));
        List<Polygon> polygons = new ArrayList<>();
        for (int k = -1; k <= 1; k++) {
            Geometry window = factory.toGeometry(new Envelope(-180 + 360 * k, 180 + 360 * k, -90, 90));
            Geometry part = GeometryFixer.fix(lonLat).intersection(window);
            part = AffineTransformation.translationInstance(-360 * k, 0).transform(part);
            part = GeometryPrecisionReducer.reduce(part, new PrecisionModel(Math.pow(10, DECIMALS)));
            for (int i = 0; i < part.getNumGeometries(); i++) {
                if (part.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                    polygons.add(p);
                }
            }
        }
        if (polygons.isEmpty()) {
            System.err.println("  (empty: " + name + ")");
            return;
        }
        ObjectNode feature = mapper.createObjectNode();
        feature.put("type", "Feature");
        ObjectNode props = feature.putObject("properties");
        props.put("id", id);
        props.put("name", name);
        props.put("kind", kind);
        if (country != null) {
            props.put("country", country);
            props.put("disputed", false);
        } else {
            props.put("disputed", true);
            ArrayNode list = props.putArray("claimants");
            claimants.forEach(list::add);
        }
        props.put("region", region.name());
        ObjectNode geometry = feature.putObject("geometry");
        geometry.put("type", "MultiPolygon");
        ArrayNode coordinates = geometry.putArray("coordinates");
        int vertices = 0;
        for (Polygon p : polygons) {
            ArrayNode rings = coordinates.addArray();
            vertices += ring(rings, p.getExteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                vertices += ring(rings, p.getInteriorRingN(h));
            }
        }
        System.err.printf("  %s: %d polygons, %d vertices%n", id, polygons.size(), vertices);
        features.add(feature);
    }

    private static int ring(ArrayNode rings, LineString ring) {
        ArrayNode out = rings.addArray();
        for (Coordinate c : ring.getCoordinates()) {
            out.addArray().add(c.x).add(c.y);
        }
        return ring.getNumPoints();
    }

    private void write(Path out, String sourceSha256) throws IOException {
        ObjectNode collection = mapper.createObjectNode();
        collection.put("type", "FeatureCollection");
        collection.put("name", "TCC impact zones");
        ObjectNode props = collection.putObject("properties");
        props.put("description", "Land territory and approximated exclusive economic zones of USA, KOR and JPN "
                + "for missile-warning impact and overflight assessment. Approximations for warning purposes, "
                + "not legal boundaries; disputed areas are marked and name every claimant.");
        props.put("source", "Natural Earth 1:10m Admin 0 countries, v4.1.0, as TopoJSON in the npm package "
                + SOURCE_PACKAGE + " (" + SOURCE_FILE + ")");
        props.put("sourceSha256", sourceSha256);
        props.put("licence", "Natural Earth data: public domain (naturalearthdata.com terms of use); world-atlas "
                + "packaging: ISC. This derived file is released under the same terms.");
        props.put("method", "Territory: the country's land polygons. EEZ (approximated): the 200-nmi buffer of the "
                + "coast, drawn per 200 km stretch of coast in a local azimuthal-equidistant plane (spherical Earth), "
                + "clipped to the area nearer that country's coast than to any other coast (equidistance, Voronoi "
                + "diagram of coast points in a regional azimuthal-equidistant plane), other countries' land "
                + "removed. Disputed land: territory zone naming every claimant; its waters are what each "
                + "participating claimant's zone gains when the land counts as its own. East China Sea: the part of "
                + "Japan's median-line zone north-west of the approximate Okinawa Trough axis (China's claimed "
                + "limit) is marked not agreed. Simplified (topology-preserving), split at the antimeridian.");
        props.put("generatedBy", "deploy/zones/generate.sh (org.tcc.stack.zones.ZoneGenerator)");
        ObjectNode parameters = props.putObject("parameters");
        parameters.put("eezNauticalMiles", 200);
        parameters.put("nauticalMileMetres", NAUTICAL_MILE_M);
        parameters.put("earthRadiusMetres", Aeqd.EARTH_RADIUS_M);
        parameters.put("coastPointSpacingMetres", SITE_SPACING_M);
        parameters.put("bufferCoastStretchMetres", BUFFER_CHUNK_M);
        parameters.put("bufferSimplifyMetres", BUFFER_SIMPLIFY_M);
        parameters.put("territorySimplifyMetres", TERRITORY_SIMPLIFY_M);
        parameters.put("eezSimplifyMetres", EEZ_SIMPLIFY_M);
        parameters.put("coordinateDecimals", DECIMALS);
        ArrayNode regions = parameters.putArray("regions");
        for (Region r : REGIONS) {
            ObjectNode node = regions.addObject();
            node.put("name", r.name());
            node.putArray("centre").add(r.lat()).add(r.lon());
            node.set("coastsConsidered", mapper.valueToTree(r.sites().json()));
            ArrayNode targets = node.putArray("atlasIds");
            r.targets().forEach(t -> targets.add(t.id() + (t.box() == null ? "" : " in " + t.box().json())));
        }
        ArrayNode disputes = parameters.putArray("disputes");
        for (Dispute d : DISPUTES) {
            ObjectNode node = disputes.addObject();
            node.put("id", d.id());
            node.put("land", d.landName());
            node.put("heldPerNaturalEarthBy", d.holderId());
            node.set("claimants", mapper.valueToTree(d.claimants()));
            node.set("selector", mapper.valueToTree(d.selector().json()));
        }
        parameters.set("okinawaTroughAxisLonLat", mapper.valueToTree(OKINAWA_TROUGH));
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String head = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(collection);
            w.write(head.substring(0, head.lastIndexOf('}')).stripTrailing());
            w.write(",\n  \"features\" : [\n");
            for (int i = 0; i < features.size(); i++) {
                w.write("    ");
                w.write(mapper.writeValueAsString(features.get(i)));
                w.write(i + 1 < features.size() ? ",\n" : "\n");
            }
            w.write("  ]\n}\n");
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
