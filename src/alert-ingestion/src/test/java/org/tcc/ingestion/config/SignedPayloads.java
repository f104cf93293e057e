package org.tcc.ingestion.config;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.ingestion.domain.Sensor;
import org.tcc.ingestion.domain.TestReports;

/** A sensor key pair and a realistic signed report of about 600 bytes, for the provider test and the cost harness. */
public final class SignedPayloads {

    private SignedPayloads() {
    }

    static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Sensor sensor(ECKey key, Country country) {
        try {
            return new Sensor(key.getKeyID(), country, key.toECPublicKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A report as a sensor sends it, with a prediction and a short track: about 600 bytes of JSON. */
    static byte[] report(String sensorId) {
        var base = TestReports.report(sensorId, Country.JPN, "r-0f8c2a51-7d3e-4f65-9b1a-2c4e6d8f0a13",
                Instant.parse("2026-11-20T03:14:15.926Z"), TestReports.PYONGYANG, TestReports.JAPAN_EEZ);
        var track = java.util.List.of(
                new org.tcc.contracts.events.feed.TrackPoint(base.detectedAt().plusSeconds(30), 39.31, 126.42, 120.0),
                new org.tcc.contracts.events.feed.TrackPoint(base.detectedAt().plusSeconds(60), 39.62, 127.35, 310.0),
                new org.tcc.contracts.events.feed.TrackPoint(base.detectedAt().plusSeconds(90), 39.94, 128.27, 520.0));
        return Json.toBytes(TestReports.report(sensorId, Country.JPN, base.reportId(), base.detectedAt(),
                base.launchPoint(), base.predictedImpactPoint(), base.missileClass(), base.confidence(),
                base.status(), track));
    }

    /** A detached compact ES256 JWS of {@code payload}, its {@code kid} the key's id. */
    public static String sign(ECKey key, byte[] payload) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    new Payload(payload));
            jws.sign(new ECDSASigner(key));
            return jws.serialize(true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
