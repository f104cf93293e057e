package org.tcc.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.audit.AuditCheckpoint;

/**
 * Signing and checking audit checkpoints. The signed bytes are the UTF-8 text of the JSON array
 *
 * <pre>["tcc.audit-checkpoint.v1", firstSeq, lastSeq, "headHash", ["hash of firstSeq", ..., "hash of lastSeq"],
 *  "signedAt", "keyId"]</pre>
 *
 * ({@code signedAt} ISO-8601 UTC with at most milliseconds, no whitespace), and the signature is a compact JWS
 * (RFC 7515) with algorithm ES256 and that payload detached (Appendix F): {@code <protected header>..<signature>},
 * the header {@code {"alg":"ES256","kid":keyId}}. The same form as the sensor reports' signatures
 * ({@link org.tcc.contracts.FeedSignature}).
 */
public final class Checkpoints {

    public static final String ALGORITHM = "ES256";
    private static final String JCA = "SHA256withECDSAinP1363Format";
    private static final String CONTEXT = "tcc.audit-checkpoint.v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Checkpoints() {
    }

    /** Signs the checkpoint of entries {@code firstSeq..} whose hashes are {@code entryHashes}, in order. */
    public static AuditCheckpoint sign(long firstSeq, List<String> entryHashes, Instant signedAt, EcKeys.SigningKey key) {
        if (entryHashes.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint covers at least one entry");
        }
        AuditCheckpoint unsigned = new AuditCheckpoint(firstSeq, firstSeq + entryHashes.size() - 1,
                entryHashes.get(entryHashes.size() - 1), entryHashes, signedAt.truncatedTo(ChronoUnit.MILLIS),
                key.keyId(), null);
        String header = B64.encodeToString(("{\"alg\":\"" + ALGORITHM + "\",\"kid\":\"" + key.keyId() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance(JCA);
            signer.initSign(key.privateKey());
            signer.update((header + "." + B64.encodeToString(signingInput(unsigned))).getBytes(StandardCharsets.US_ASCII));
            return unsigned.signed(header + ".." + B64.encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the audit checkpoint: " + e, e);
        }
    }

    /** The bytes a checkpoint's signature covers. */
    public static byte[] signingInput(AuditCheckpoint c) {
        StringBuilder json = new StringBuilder("[\"").append(CONTEXT).append("\",").append(c.firstSeq()).append(',')
                .append(c.lastSeq()).append(",\"").append(c.headHash()).append("\",[");
        List<String> hashes = c.entryHashes() == null ? List.of() : c.entryHashes();
        for (int i = 0; i < hashes.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(hashes.get(i)).append('"');
        }
        json.append("],\"").append(c.signedAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(c.signedAt()))
                .append("\",\"").append(c.keyId()).append("\"]");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why {@code c} cannot be trusted (malformed, signed by a key not in {@code trusted} (by key id), or a signature
     * that does not verify); null when it is a genuine checkpoint.
     */
    public static String rejection(AuditCheckpoint c, Map<String, ECPublicKey> trusted) {
        if (c.firstSeq() < 1 || c.lastSeq() < c.firstSeq() || c.entryHashes() == null
                || c.entryHashes().size() != c.lastSeq() - c.firstSeq() + 1) {
            return "malformed: entryHashes must list one hash per entry firstSeq..lastSeq";
        }
        if (!c.entryHashes().stream().allMatch(h -> h != null && h.matches("[0-9a-f]{64}"))
                || !c.entryHashes().get(c.entryHashes().size() - 1).equals(c.headHash())) {
            return "malformed: hashes must be 64 lower-case hex digits, headHash the last of entryHashes";
        }
        if (c.signedAt() == null || c.keyId() == null || c.signature() == null) {
            return "malformed: signedAt, keyId and signature are required";
        }
        String[] parts = c.signature().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return "malformed signature: a compact JWS with a detached payload (header..signature) expected";
        }
        JsonNode header;
        try {
            header = Json.mapper().readTree(B64D.decode(parts[0]));
        } catch (IOException | IllegalArgumentException e) {
            return "malformed signature header";
        }
        if (!ALGORITHM.equals(header.path("alg").asText()) || !c.keyId().equals(header.path("kid").asText())) {
            return "signature header must say alg ES256 and kid " + c.keyId();
        }
        ECPublicKey key = trusted.get(c.keyId());
        if (key == null) {
            return "signed by key " + c.keyId() + ", which is not a trusted checkpoint key";
        }
        try {
            Signature verifier = Signature.getInstance(JCA);
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + B64.encodeToString(signingInput(c))).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(B64D.decode(parts[2])) ? null : "signature does not verify";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "signature does not verify: " + e.getMessage();
        }
    }
}
