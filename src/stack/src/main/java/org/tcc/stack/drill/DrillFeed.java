package org.tcc.stack.drill;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.contracts.events.feed.TrackPoint;
import org.tcc.stack.feed.SensorSigner;

/**
 * The drill's sensor feed: which message goes out at which position, and its signed Kafka record.
 *
 * <p>Valid traffic: each launch is seen by a USA, a KOR and a JPN sensor (three consecutive valid messages, fused
 * into one alert), launch sites on a grid wider than the fusion gates so that launches never fuse with each other.
 * Bad traffic ({@code badPercent} of all messages), in turn: a forged report (payload changed after signing),
 * malformed JSON, a schema violation and an oversized report (a ~600 KB track: far above the 64 KB a report may
 * have, and under Kafka's 1 MB record limit with room for the JSON of random track points; at 900 KB some records
 * came out above 1 MB and the broker refused them).
 * During the calm phase (before the first fault), after the warm-up, messages are cut into windows of
 * {@code windowSize} messages counted from the end of the warm-up: window 0 without bad messages, window 1 with them,
 * and so on alternately, so that the latency of valid reports can be compared window by window (clean window k
 * against bad window k + 1) rather than in one pooled histogram that a single slow window dominates.
 */
final class DrillFeed {

    static final String[][] SENSORS = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"},
            {"jp-fps5-sado", "JPN"}};
    /** Header naming the drill message on every record the drill sends (operators can tell drill traffic apart). */
    static final String DRILL_HEADER = "tcc-drill-message";
    static final int OVERSIZED_BYTES = 600_000;
    /** Window index of a message that is in no calm-phase window. */
    static final int NO_WINDOW = -1;

    enum Kind { VALID, FORGED, MALFORMED_JSON, SCHEMA_VIOLATION, OVERSIZED }

    /** Latency class of a valid report, by where it was sent. */
    enum Phase { WARMUP, CALM_CLEAN, CALM_WITH_BAD, FAULTS }

    /**
     * One planned message: valid ones belong to {@code launch} and are seen by sensor {@code sensor};
     * {@code window} is its calm-phase window ({@link #NO_WINDOW} in the warm-up and the fault phase).
     */
    record Planned(int index, Kind kind, int launch, int sensor, Phase phase, int window) {
        String id(String runId) {
            return kind == Kind.VALID ? reportId(runId, launch, sensor) : "drill-" + runId + "-bad-" + index;
        }
    }

    private final String runId;
    private final SensorSigner signer;
    private final int firstCell;
    private final List<Planned> plan;
    private final int launches;
    private final int calmMessages;
    private final int warmupMessages;
    private final int windowSize;

    DrillFeed(String runId, SensorSigner signer, int total, double badPercent, int calmMessages, int warmupMessages,
              int windowSize, int firstCell) {
        this.runId = runId;
        this.signer = signer;
        this.firstCell = firstCell;
        int bad = (int) Math.round(total * badPercent / 100.0);
        int valid = (total - bad) / 3 * 3;
        bad = total - valid;
        this.launches = valid / 3;
        this.calmMessages = Math.min(calmMessages, total);
        this.warmupMessages = warmupMessages;
        this.windowSize = Math.max(1, windowSize);
        this.plan = plan(total, bad, this.calmMessages, warmupMessages, this.windowSize);
    }

    /**
     * The calm-phase window of message {@code i}: counted from the end of the warm-up in steps of
     * {@code windowSize}; {@link #NO_WINDOW} in the warm-up and from the first fault on.
     */
    static int windowOf(int i, int calmMessages, int warmupMessages, int windowSize) {
        return i < warmupMessages || i >= calmMessages ? NO_WINDOW : (i - warmupMessages) / windowSize;
    }

    /** Odd windows carry the calm phase's bad messages, even ones none: window 0 is clean. */
    static boolean withBad(int window) {
        return window >= 0 && window % 2 == 1;
    }

    /** Latency class of message {@code i}. */
    static Phase phaseOf(int i, int calmMessages, int warmupMessages, int windowSize) {
        if (i < warmupMessages) {
            return Phase.WARMUP;
        }
        if (i >= calmMessages) {
            return Phase.FAULTS;
        }
        return withBad(windowOf(i, calmMessages, warmupMessages, windowSize)) ? Phase.CALM_WITH_BAD
                : Phase.CALM_CLEAN;
    }

    /** How many calm-phase windows the plan has (the last one may be partial). */
    int windowCount() {
        int measured = calmMessages - warmupMessages;
        return measured <= 0 ? 0 : (measured + windowSize - 1) / windowSize;
    }

    /** Whether window {@code w} is a whole window (only the calm phase's last one can be cut short). */
    boolean fullWindow(int w) {
        return w >= 0 && warmupMessages + (long) (w + 1) * windowSize <= calmMessages;
    }

    /** Bad messages planned into the calm phase's windows (those the comparison is about). */
    long badInCalmWindows() {
        return plan.stream().filter(p -> p.kind() != Kind.VALID && p.window() != NO_WINDOW).count();
    }

    static String reportId(String runId, int launch, int sensor) {
        return "drill-" + runId + "-" + launch + "-" + sensor;
    }

    List<Planned> plan() {
        return plan;
    }

    int launches() {
        return launches;
    }

    long count(Kind kind) {
        return plan.stream().filter(p -> p.kind() == kind).count();
    }

    /**
     * Bad messages spread evenly over the positions allowed for them: everywhere after the calm phase, and in the
     * calm phase (after the warm-up) only in odd windows; valid messages fill the rest in launch order.
     */
    static List<Planned> plan(int total, int bad, int calmMessages, int warmupMessages, int windowSize) {
        List<Integer> allowed = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (i >= calmMessages || withBad(windowOf(i, calmMessages, warmupMessages, windowSize))) {
                allowed.add(i);
            }
        }
        boolean[] isBad = new boolean[total];
        for (int b = 0; b < bad && !allowed.isEmpty(); b++) {
            isBad[allowed.get((int) ((long) b * allowed.size() / bad))] = true;
        }
        List<Planned> result = new ArrayList<>(total);
        int validSoFar = 0;
        int badSoFar = 0;
        for (int i = 0; i < total; i++) {
            Phase phase = phaseOf(i, calmMessages, warmupMessages, windowSize);
            int window = windowOf(i, calmMessages, warmupMessages, windowSize);
            if (isBad[i]) {
                Kind kind = Kind.values()[1 + badSoFar++ % 4];
                result.add(new Planned(i, kind, -1, -1, phase, window));
            } else {
                result.add(new Planned(i, Kind.VALID, validSoFar / 3, validSoFar % 3, phase, window));
                validSoFar++;
            }
        }
        return result;
    }

    /** Launch sites 1 degree of latitude by 1.5 of longitude apart (beyond the 50 km gate up to 60 degrees N). */
    GeoPoint site(int launch) {
        int cell = (firstCell + launch) % 16_000;
        double lon = 100 + (cell % 160) * 1.5;
        return new GeoPoint(-40 + (cell / 160) * 1.0, lon >= 180 ? lon - 360 : lon);
    }

    /** Where an accepted bad message would land: its own cell, far from every valid launch of the run. */
    private GeoPoint badSite(int index) {
        return site(launches + 1 + index % 4_000);
    }

    /** The signed record of {@code p}, its payload made now (detection time = now). */
    ProducerRecord<String, byte[]> record(Planned p, long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp).truncatedTo(ChronoUnit.MILLIS);
        String sensorId;
        byte[] payload;
        byte[] signed;
        switch (p.kind()) {
            case VALID -> {
                sensorId = SENSORS[p.sensor()][0];
                payload = Json.toBytes(report(p.id(runId), p.sensor(), site(p.launch()), now, null));
                signed = payload;
            }
            case FORGED -> {
                sensorId = SENSORS[p.index() % 3][0];
                signed = Json.toBytes(report(p.id(runId), p.index() % 3, badSite(p.index()), now, null));
                // the impact moved after signing: the signature no longer covers these bytes
                payload = new String(signed, StandardCharsets.UTF_8).replace("\"confidence\":0.8",
                        "\"confidence\":0.9").getBytes(StandardCharsets.UTF_8);
            }
            case MALFORMED_JSON -> {
                sensorId = SENSORS[p.index() % 3][0];
                payload = ("{\"reportId\":\"" + p.id(runId) + "\",\"sensorId\":\"" + sensorId
                        + "\",\"launchPoint\":{\"lat\":12.5,").getBytes(StandardCharsets.UTF_8);
                signed = payload;
            }
            case SCHEMA_VIOLATION -> {
                sensorId = SENSORS[p.index() % 3][0];
                GeoPoint site = badSite(p.index());
                String json = new String(Json.toBytes(report(p.id(runId), p.index() % 3, site, now, null)),
                        StandardCharsets.UTF_8);
                payload = json.replace("\"confidence\":0.8", "\"confidence\":1.8").getBytes(StandardCharsets.UTF_8);
                signed = payload;
            }
            case OVERSIZED -> {
                sensorId = SENSORS[p.index() % 3][0];
                GeoPoint site = badSite(p.index());
                payload = Json.toBytes(report(p.id(runId), p.index() % 3, site, now, longTrack(site, now)));
                signed = payload;
            }
            default -> throw new IllegalStateException(p.kind().toString());
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FEED_MISSILE_LAUNCH, null, timestamp,
                sensorId, payload);
        record.headers().add(FeedSignature.KAFKA_HEADER,
                signer.sign(sensorId, signed).getBytes(StandardCharsets.UTF_8));
        record.headers().add(DRILL_HEADER, (runId + "/" + p.index() + "/" + p.kind()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static MissileLaunchReport report(String reportId, int sensor, GeoPoint site, Instant detectedAt,
                                              List<TrackPoint> track) {
        double impactLon = site.lon() + 5.0;
        GeoPoint impact = new GeoPoint(site.lat() + 1.0, impactLon > 180 ? impactLon - 360 : impactLon);
        return new MissileLaunchReport(reportId, SENSORS[sensor][0], Country.valueOf(SENSORS[sensor][1]), detectedAt,
                site, impact, 900.0, 1000.0, 1800, MissileClass.IRBM, 0.8, track, TrafficStatus.TEST);
    }

    /** A track of observed points (in time order, in the past, over the open ocean) of about 900 KB of JSON. */
    private static List<TrackPoint> longTrack(GeoPoint site, Instant now) {
        int pointBytes = Json.toBytes(point(site, now, 0.5)).length + 1;
        int points = (OVERSIZED_BYTES - 600) / pointBytes;
        List<TrackPoint> track = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            track.add(point(site, now.minusMillis(points - i), (double) i / points));
        }
        return track;
    }

    private static TrackPoint point(GeoPoint site, Instant t, double f) {
        double lon = site.lon() + 0.4 * f;
        return new TrackPoint(t, round(site.lat() + 0.2 * f), round(lon > 180 ? lon - 360 : lon), round(0.5 + 900 * f));
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
