package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;

class ReportAuthenticityTest {

    private static final byte[] PAYLOAD = "{\"reportId\":\"r-1\",\"sensorId\":\"jp-fps5-sado\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final ECKey sado = key("jp-fps5-sado");
    private final ECKey impostor = key("jp-fps5-sado");
    private final ReportAuthenticity authenticity = new ReportAuthenticity(
            id -> Optional.ofNullable(Map.of("jp-fps5-sado", sensor(sado, Country.JPN)).get(id)));

    @Test
    void reportSignedByItsSensorIsAuthentic() {
        assertEquals("jp-fps5-sado", authenticity.verify(PAYLOAD, sign(sado, PAYLOAD)).sensorId());
    }

    @Test
    void unsignedReportIsRefused() {
        assertFailure(ReportAuthenticity.Failure.UNSIGNED, () -> authenticity.verify(PAYLOAD, null));
        assertFailure(ReportAuthenticity.Failure.UNSIGNED, () -> authenticity.verify(PAYLOAD, " "));
    }

    @Test
    void alteredPayloadIsForged() {
        String signature = sign(sado, PAYLOAD);
        byte[] altered = new String(PAYLOAD, StandardCharsets.UTF_8).replace("r-1", "r-2")
                .getBytes(StandardCharsets.UTF_8);
        assertFailure(ReportAuthenticity.Failure.FORGED, () -> authenticity.verify(altered, signature));
    }

    @Test
    void signatureWithAnotherKeyIsForged() {
        assertFailure(ReportAuthenticity.Failure.FORGED, () -> authenticity.verify(PAYLOAD, sign(impostor, PAYLOAD)));
    }

    @Test
    void unknownSensorAndGarbageAreRefused() {
        assertFailure(ReportAuthenticity.Failure.UNKNOWN_SENSOR,
                () -> authenticity.verify(PAYLOAD, sign(key("xx-unknown"), PAYLOAD)));
        assertFailure(ReportAuthenticity.Failure.MALFORMED_SIGNATURE, () -> authenticity.verify(PAYLOAD, "abc"));
    }

    @Test
    void reportMustNameItsSignerAndTheSignersCountry() {
        Sensor signer = sensor(sado, Country.JPN);
        ReportAuthenticity.requireConsistent(signer, "jp-fps5-sado", Country.JPN);
        assertFailure(ReportAuthenticity.Failure.WRONG_COUNTRY,
                () -> ReportAuthenticity.requireConsistent(signer, "jp-fps5-sado", Country.KOR));
        assertFailure(ReportAuthenticity.Failure.FORGED,
                () -> ReportAuthenticity.requireConsistent(signer, "kr-greenpine-1", Country.JPN));
    }

    private static void assertFailure(ReportAuthenticity.Failure expected, Runnable action) {
        ReportAuthenticity.NotAuthentic e = assertThrows(ReportAuthenticity.NotAuthentic.class, action::run);
        assertEquals(expected, e.failure(), e.getMessage());
    }

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sensor sensor(ECKey key, Country country) {
        try {
            return new Sensor(key.getKeyID(), country, key.toECPublicKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(ECKey key, byte[] payload) {
        return org.tcc.ingestion.config.SignedPayloads.sign(key, payload);
    }
}
