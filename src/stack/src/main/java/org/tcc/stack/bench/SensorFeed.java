package org.tcc.stack.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.stack.feed.SensorSigner;
import org.tcc.stack.infra.KafkaClient;

/**
 * Simulated sensor feeds: launches, each seen by a USA, a KOR and a JPN sensor, signed before a point starts (a
 * signature costs about a millisecond of CPU, so signing live would cap the generator far below 5,000 reports/s).
 * Launch sites lie on a grid half a degree of latitude by 1.5 degrees of longitude apart, between 60 S and 70 N
 * (at least 55 km: wider than the 50 km fusion gate), and every other pass over the grid predicts the impact in
 * the opposite direction (more than the 150 km impact gate away): separate launches never fuse, even at 5,000
 * reports/s within the 2-minute fusion window. Traffic status TEST.
 */
public final class SensorFeed {

    static final String[][] SENSORS = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"},
            {"jp-fps5-sado", "JPN"}};
    static final double LAT_STEP = 0.5;
    static final double LON_STEP = 1.5;
    static final double LAT_SOUTH = -60;
    static final int ROWS = 261;
    static final int COLUMNS = 240;
    /** Launch sites on the grid. */
    static final int CELLS = ROWS * COLUMNS;
    /** Launches before a (site, impact direction) repeats. */
    static final int DISTINCT_LAUNCHES = 2 * CELLS;

    private final SensorSigner signer;
    private final String runId;
    private long nextLaunch;
    private long counter;

    public SensorFeed(SensorSigner signer, String runId, int firstCell) {
        this.signer = signer;
        this.runId = runId;
        this.nextLaunch = Math.floorMod(firstCell, CELLS);
    }

    /**
     * The next {@code count} reports, in send order (launch after launch, each launch's reports in the order of
     * {@link #SENSORS}; the last launch may have fewer than three), detected now and signed on {@code signers}.
     */
    public PresignedReports prepare(int count, ExecutorService signers) throws InterruptedException {
        if (count > 3L * DISTINCT_LAUNCHES) {
            throw new IllegalArgumentException("at most " + 3L * DISTINCT_LAUNCHES + " reports per point, so that"
                    + " no two launches of a point share a site: " + count);
        }
        long firstSerial = counter;
        byte[][] payloads = new byte[count][];
        for (int i = 0; i < count; i += SENSORS.length) {
            long launch = nextLaunch++;
            GeoPoint site = site(launch);
            GeoPoint impact = impact(site, launch);
            Instant detected = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int s = 0; s < SENSORS.length && i + s < count; s++) {
                MissileLaunchReport report = new MissileLaunchReport(runId + "-" + (firstSerial + i + s),
                        SENSORS[s][0], Country.valueOf(SENSORS[s][1]), detected, site, impact, 900.0, 1000.0, 1800,
                        MissileClass.IRBM, 0.8, null, TrafficStatus.TEST);
                payloads[i + s] = Json.toBytes(report);
            }
        }
        counter += count;
        byte[][] signatures = new byte[count][];
        int chunks = Math.max(1, Math.min(count / 64, 64));
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            work.add(signers.submit(() -> {
                for (int i = from; i < to; i++) {
                    signatures[i] = signer.sign(SENSORS[i % SENSORS.length][0], payloads[i])
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                }
            }));
        }
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("signing failed: " + e.getCause(), e.getCause());
            }
        }
        return new PresignedReports(runId, firstSerial, payloads, signatures);
    }

    /** The key that identifies a launch by its launch point (as an alert carries it). */
    public static String key(GeoPoint p) {
        return String.format(Locale.ROOT, "%.4f,%.4f", p.lat(), p.lon());
    }

    /** The site of the {@code launch}-th launch: row by row over the grid, then again. */
    static GeoPoint site(long launch) {
        int cell = (int) (launch % CELLS);
        double lon = -180 + (cell % COLUMNS) * LON_STEP;
        return new GeoPoint(LAT_SOUTH + (cell / COLUMNS) * LAT_STEP, lon);
    }

    /** 1 degree north and 5 east of the site on even passes over the grid, 1 south and 5 west on odd ones. */
    static GeoPoint impact(GeoPoint site, long launch) {
        int direction = (launch / CELLS) % 2 == 0 ? 1 : -1;
        double lon = site.lon() + 5.0 * direction;
        return new GeoPoint(site.lat() + direction, lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
    }

    /** A producer with a sensor feed's settings: acknowledged by all in-sync replicas, idempotent, no linger. */
    public static KafkaProducer<String, byte[]> producer(KafkaClient client) {
        return producer(client, new Properties());
    }

    /** The same, with {@code overrides} (for example longer timeouts while a broker restarts). */
    public static KafkaProducer<String, byte[]> producer(KafkaClient client, Properties overrides) {
        Properties props = client.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.putAll(overrides);
        return new KafkaProducer<>(props);
    }
}
