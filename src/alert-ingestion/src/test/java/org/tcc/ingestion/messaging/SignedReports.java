package org.tcc.ingestion.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.stack.feed.SensorSigner;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.ProjectRoot;

/** Sensor reports signed with the LOCAL-ONLY demo sensor keys, sent as a real sensor feed would send them. */
public final class SignedReports {

    public static final SensorSigner SIGNER = SensorSigner.fromJwks(
            ProjectRoot.dir().resolve("deploy/sensors/local-sensors.private.jwks.json"));

    private SignedReports() {
    }

    public static MissileLaunchReport report(String sensorId, Country country, GeoPoint launch, GeoPoint impact) {
        return new MissileLaunchReport("r-" + UUID.randomUUID(), sensorId, country,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), launch, impact, 950.0, 1000.0, 2400,
                MissileClass.IRBM, 0.85, null, TrafficStatus.ACTUAL);
    }

    public static byte[] bytes(MissileLaunchReport report) {
        return Json.toBytes(report);
    }

    /** Publishes the report on the feed topic, signed by its sensor (or with {@code signature} if given). */
    public static void publish(MissileLaunchReport report) {
        byte[] payload = bytes(report);
        publish(report.sensorId(), payload, SIGNER.sign(report.sensorId(), payload));
    }

    public static void publish(String key, byte[] payload, String signature) {
        Map<String, String> headers = new HashMap<>();
        if (signature != null) {
            headers.put(FeedSignature.KAFKA_HEADER, signature);
        }
        KafkaProbe.send(Topics.FEED_MISSILE_LAUNCH, key, payload, headers);
    }
}
