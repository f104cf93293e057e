package org.tcc.ingestion.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.security.Provider;
import java.text.ParseException;
import org.tcc.contracts.Country;

/**
 * Verifies that a sensor report was signed by the sensor it names: a compact JWS with detached payload (RFC 7515
 * Appendix F), ES256, whose protected header {@code kid} is the sensor id, over the exact bytes received.
 */
public final class ReportAuthenticity {

    /** Why a report is not authentic; {@link #status()} is the HTTP status a REST feed gets. */
    public enum Failure {
        UNSIGNED(401), MALFORMED_SIGNATURE(401), UNKNOWN_SENSOR(401), FORGED(401), WRONG_COUNTRY(403);

        private final int status;

        Failure(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Not authentic: the failure and a reason fit for a dead-letter header or a problem detail. */
    public static final class NotAuthentic extends RuntimeException {
        private final Failure failure;

        public NotAuthentic(Failure failure, String reason) {
            super(reason, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final SensorRegistry registry;
    private final Provider provider;
    /** One verifier per sensor key: building one validates the key, which costs as much as a verification. */
    private final java.util.Map<Sensor, ECDSAVerifier> verifiers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Verifies with the JCA's default ECDSA provider. */
    public ReportAuthenticity(SensorRegistry registry) {
        this(registry, null);
    }

    /**
     * Verifies with {@code provider} (null: the JCA default). The signature check is most of a report's CPU, and
     * providers differ by an order of magnitude, so the choice is the caller's.
     */
    public ReportAuthenticity(SensorRegistry registry, Provider provider) {
        this.registry = registry;
        this.provider = provider;
    }

    /** The provider verifying signatures, or null for the JCA default. */
    public Provider provider() {
        return provider;
    }

    /** Returns the signing sensor, or throws {@link NotAuthentic}. */
    private ECDSAVerifier verifier(Sensor sensor) throws JOSEException {
        ECDSAVerifier verifier = verifiers.get(sensor);
        if (verifier == null) {
            verifier = new ECDSAVerifier(sensor.publicKey());
            if (provider != null) {
                verifier.getJCAContext().setProvider(provider);
            }
            verifiers.put(sensor, verifier);
        }
        return verifier;
    }

    public Sensor verify(byte[] payload, String detachedJws) {
        if (detachedJws == null || detachedJws.isBlank()) {
            throw new NotAuthentic(Failure.UNSIGNED, "unsigned report: no detached JWS signature");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(detachedJws.trim(), new Payload(payload));
        } catch (ParseException e) {
            throw new NotAuthentic(Failure.MALFORMED_SIGNATURE, "malformed signature: " + e.getMessage());
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            throw new NotAuthentic(Failure.MALFORMED_SIGNATURE,
                    "signature algorithm must be ES256, not " + jws.getHeader().getAlgorithm());
        }
        String kid = jws.getHeader().getKeyID();
        Sensor sensor = registry.find(kid).orElseThrow(
                () -> new NotAuthentic(Failure.UNKNOWN_SENSOR, "unknown sensor '" + kid + "'"));
        try {
            if (!jws.verify(verifier(sensor))) {
                throw new NotAuthentic(Failure.FORGED, "forged report: signature does not verify for sensor '"
                        + kid + "'");
            }
        } catch (JOSEException e) {
            throw new NotAuthentic(Failure.FORGED, "signature cannot be verified: " + e.getMessage());
        }
        return sensor;
    }

    /** The report must name the sensor that signed it and that sensor's country. */
    public static void requireConsistent(Sensor signer, String sensorId, Country reportingCountry) {
        if (!signer.sensorId().equals(sensorId)) {
            throw new NotAuthentic(Failure.FORGED, "report names sensor '" + sensorId + "' but was signed by '"
                    + signer.sensorId() + "'");
        }
        if (signer.country() != reportingCountry) {
            throw new NotAuthentic(Failure.WRONG_COUNTRY, "sensor '" + sensorId + "' belongs to " + signer.country()
                    + ", report claims " + reportingCountry);
        }
    }
}
