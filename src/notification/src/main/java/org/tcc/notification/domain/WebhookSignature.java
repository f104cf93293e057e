package org.tcc.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: header {@value #HEADER} with value {@code t=<unix seconds>,v1=<hex>}, where
 * {@code hex} is the lowercase hex HMAC-SHA256, keyed with the endpoint's secret (UTF-8 bytes), over the UTF-8 bytes
 * of {@code <t> + "." + <raw request body>}. Signing the timestamp lets a receiver reject replays: it recomputes the
 * HMAC, compares in constant time and refuses a {@code t} older than its tolerance (5 minutes suggested). Each retry
 * is signed afresh with its own timestamp.
 */
public final class WebhookSignature {

    public static final String HEADER = "TCC-Signature";
    public static final String SCHEME = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The {@value #HEADER} header value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + "," + SCHEME + "=" + hmacHex(secret, unixSeconds, body);
    }

    public static String hmacHex(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Verifies a header as a receiver would: right HMAC and a timestamp within {@code toleranceSeconds} of now. */
    public static boolean verify(String secret, String header, byte[] body, long nowUnixSeconds,
                                 long toleranceSeconds) {
        Optional<Long> t = part(header, "t").flatMap(WebhookSignature::parseLong);
        Optional<String> v1 = part(header, SCHEME);
        if (t.isEmpty() || v1.isEmpty() || Math.abs(nowUnixSeconds - t.get()) > toleranceSeconds) {
            return false;
        }
        byte[] expected = hmacHex(secret, t.get(), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.get().getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> part(String header, String name) {
        if (header == null) {
            return Optional.empty();
        }
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq > 0 && item.substring(0, eq).strip().equals(name)) {
                return Optional.of(item.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
