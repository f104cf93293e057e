package org.tcc.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tcc.contracts.Json;

/**
 * P-256 keys as JSON Web Keys (RFC 7517/7518): {@code {"kty":"EC","crv":"P-256","x":..,"y":..}} plus {@code "d"} for
 * a private key, {@code kid} the RFC 7638 thumbprint of the public key (so a key id cannot be claimed by another
 * key). Plain JCA (SunEC), no JOSE library: the auditors' offline tool reads the same files.
 */
public final class EcKeys {

    /** A signing key: the private half and its public half, with the public key's thumbprint as id. */
    public record SigningKey(String keyId, ECPrivateKey privateKey, ECPublicKey publicKey) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ECParameterSpec P256 = p256();

    private EcKeys() {
    }

    /** A fresh P-256 key pair. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            return new SigningKey(thumbprint(pub), (ECPrivateKey) pair.getPrivate(), pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** Reads a private P-256 JWK (with {@code d}). */
    public static SigningKey readSigningKey(String jwkJson) {
        JsonNode jwk = parse(jwkJson);
        ECPublicKey pub = publicKey(jwk);
        String d = text(jwk, "d");
        try {
            ECPrivateKey priv = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, B64D.decode(d)), P256));
            return new SigningKey(thumbprint(pub), priv, pub);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a P-256 private key: " + e.getMessage(), e);
        }
    }

    /** Reads a public P-256 JWK ({@code d}, if present, is ignored). */
    public static ECPublicKey readPublicKey(String jwkJson) {
        return publicKey(parse(jwkJson));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The public JWK of {@code key}, with its thumbprint as {@code kid} and {@code alg} ES256. */
    public static String publicJwk(ECPublicKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", coordinate(key.getW().getAffineX()));
        jwk.put("y", coordinate(key.getW().getAffineY()));
        jwk.put("kid", thumbprint(key));
        jwk.put("alg", "ES256");
        jwk.put("use", "sig");
        return new String(Json.toBytes(jwk), StandardCharsets.UTF_8);
    }

    /** The private JWK of {@code key} (for the local stack and tests, which generate theirs). */
    public static String privateJwk(SigningKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", coordinate(key.publicKey().getW().getAffineX()));
        jwk.put("y", coordinate(key.publicKey().getW().getAffineY()));
        jwk.put("d", coordinate(key.privateKey().getS()));
        jwk.put("kid", key.keyId());
        jwk.put("alg", "ES256");
        jwk.put("use", "sig");
        return new String(Json.toBytes(jwk), StandardCharsets.UTF_8);
    }

    /** RFC 7638 JWK thumbprint (SHA-256, base64url) of a P-256 public key. */
    public static String thumbprint(ECPublicKey key) {
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + coordinate(key.getW().getAffineX())
                + "\",\"y\":\"" + coordinate(key.getW().getAffineY()) + "\"}";
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECPublicKey publicKey(JsonNode jwk) {
        if (!"EC".equals(jwk.path("kty").asText()) || !"P-256".equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("not a P-256 JWK (kty EC, crv P-256 expected)");
        }
        try {
            ECPoint w = new ECPoint(new BigInteger(1, B64D.decode(text(jwk, "x"))),
                    new BigInteger(1, B64D.decode(text(jwk, "y"))));
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a P-256 public key: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON Web Key: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode jwk, String field) {
        JsonNode value = jwk.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("JWK has no \"" + field + "\"");
        }
        return value.asText();
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        if (bytes.length > 32) {
            bytes = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
        }
        System.arraycopy(bytes, 0, fixed, 32 - bytes.length, bytes.length);
        return B64.encodeToString(fixed);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }
}
