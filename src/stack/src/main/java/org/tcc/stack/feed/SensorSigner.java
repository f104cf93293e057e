package org.tcc.stack.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Signs sensor reports as a sensor does: a compact JWS (ES256, {@code kid} = sensor id) with detached payload over
 * the exact bytes sent. Keys come from a private JWKS, e.g. the LOCAL-ONLY
 * {@code deploy/sensors/local-sensors.private.jwks.json} used by the demo, the tests and the benchmark.
 */
public final class SensorSigner {

    private final Map<String, ECDSASigner> signers;

    private SensorSigner(Map<String, ECDSASigner> signers) {
        this.signers = Map.copyOf(signers);
    }

    public static SensorSigner fromJwks(Path privateJwks) {
        Map<String, ECDSASigner> signers = new HashMap<>();
        try {
            ObjectMapper json = new ObjectMapper();
            for (JsonNode key : json.readTree(Files.readAllBytes(privateJwks)).path("keys")) {
                ECKey ec = ECKey.parse(json.writeValueAsString(key));
                signers.put(ec.getKeyID(), new ECDSASigner(ec));
            }
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read sensor keys from " + privateJwks + ": " + e, e);
        }
        return new SensorSigner(signers);
    }

    public Set<String> sensors() {
        return signers.keySet();
    }

    /** The detached compact JWS ({@code header..signature}) of {@code payload}, signed by {@code sensorId}. */
    public String sign(String sensorId, byte[] payload) {
        ECDSASigner signer = signers.get(sensorId);
        if (signer == null) {
            throw new IllegalArgumentException("no key for sensor " + sensorId);
        }
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(sensorId).build(),
                    new Payload(payload));
            jws.sign(signer);
            return jws.serialize(true);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign: " + e, e);
        }
    }
}
