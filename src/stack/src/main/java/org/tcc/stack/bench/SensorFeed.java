package org.tcc.stack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.stack.feed.SensorSigner;

/**
 * Simulated sensor feeds: launches, each seen by a USA, a KOR and a JPN sensor, as signed records for the feed
 * topic. Launch sites lie on a grid 1 degree of latitude by 1.5 degrees of longitude apart (wider than the 50 km
 * fusion gate up to 60 degrees north, mostly open ocean), so separate launches never fuse; traffic status TEST.
 */
public final class SensorFeed {

    static final String[][] SENSORS = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"},
            {"jp-fps5-sado", "JPN"}};
    private static final int CELLS = 16_000;

    /** One signed report: its record value, its signature and the launch it belongs to. */
    public record SignedReport(MissileLaunchReport report, byte[] payload, String signature, String launchKey) {
    }

    private final SensorSigner signer;
    private final String runId;
    private int nextCell;
    private long counter;

    public SensorFeed(SensorSigner signer, String runId, int firstCell) {
        this.signer = signer;
        this.runId = runId;
        this.nextCell = Math.floorMod(firstCell, CELLS);
    }

    /** The three sensors' reports of the next launch, detected now. */
    public List<SignedReport> nextLaunch() {
        GeoPoint site = nextSite();
        double impactLon = site.lon() + 5.0;
        GeoPoint impact = new GeoPoint(site.lat() + 1.0, impactLon > 180 ? impactLon - 360 : impactLon);
        Instant detected = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<SignedReport> reports = new ArrayList<>(SENSORS.length);
        for (String[] sensor : SENSORS) {
            MissileLaunchReport report = new MissileLaunchReport(runId + "-" + (counter++), sensor[0],
                    Country.valueOf(sensor[1]), detected, site, impact, 900.0, 1000.0, 1800, MissileClass.IRBM, 0.8,
                    null, TrafficStatus.TEST);
            byte[] payload = Json.toBytes(report);
            reports.add(new SignedReport(report, payload, signer.sign(sensor[0], payload), key(site)));
        }
        return reports;
    }

    /** The feed record of {@code report}, with {@code timestamp} as its CreateTime. */
    public static ProducerRecord<String, byte[]> record(SignedReport report, long timestamp) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FEED_MISSILE_LAUNCH, null, timestamp,
                report.report().sensorId(), report.payload());
        record.headers().add(FeedSignature.KAFKA_HEADER, report.signature().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The key that identifies a launch by its launch point (as an alert carries it). */
    public static String key(GeoPoint p) {
        return String.format(Locale.ROOT, "%.4f,%.4f", p.lat(), p.lon());
    }

    private GeoPoint nextSite() {
        int cell = nextCell++ % CELLS;
        double lon = 100 + (cell % 160) * 1.5;
        return new GeoPoint(-40 + (cell / 160) * 1.0, lon >= 180 ? lon - 360 : lon);
    }

    /** A producer with a sensor feed's settings: acknowledged by all in-sync replicas, idempotent, no linger. */
    public static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return producer(bootstrap, new Properties());
    }

    /** The same, with {@code overrides} (for example longer timeouts while a broker restarts). */
    public static KafkaProducer<String, byte[]> producer(String bootstrap, Properties overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.putAll(overrides);
        return new KafkaProducer<>(props);
    }
}
