package org.tcc.contracts;

/**
 * Signature of a sensor feed's missile-launch report.
 *
 * <p>The value is a compact JWS (RFC 7515) with algorithm {@code ES256} and a <em>detached</em> payload
 * (RFC 7515 Appendix F): {@code <protected-header>..<signature>}, the middle part left empty. The signed payload is
 * the exact bytes of the report as sent (HTTP body or Kafka record value), not a re-serialisation. The protected
 * header carries {@code kid} = the report's {@code sensorId}, which selects the sensor's public key.
 */
public final class FeedSignature {

    /** Kafka record header carrying the signature on {@link Topics#FEED_MISSILE_LAUNCH}. */
    public static final String KAFKA_HEADER = "tcc-signature";
    /** HTTP request header carrying the signature when a feed posts a report. */
    public static final String HTTP_HEADER = "TCC-Signature";
    /** The JWS algorithm. */
    public static final String ALGORITHM = "ES256";

    private FeedSignature() {
    }
}
