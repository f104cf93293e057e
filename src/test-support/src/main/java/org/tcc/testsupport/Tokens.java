package org.tcc.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test Keycloak: for the realm's users (password {@code <username>-local}, through the
 * public client {@code tcc-cli}) and its feed service accounts (secret {@code <client>-local}). Local-only secrets.
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** An access token of the realm user {@code username}, e.g. {@code jp-liaison}. */
    public static String user(String username) {
        return cached("user:" + username, () -> fetch(Map.of("grant_type", "password", "client_id", "tcc-cli",
                "username", username, "password", username + "-local")));
    }

    /**
     * A fresh access token of the realm user {@code username} that expires 10 seconds after it is issued (public
     * client {@code tcc-cli-short}, access token lifespan 10 s): for what must end when a token expires. Never
     * cached.
     */
    public static String shortLived(String username) {
        return fetch(Map.of("grant_type", "password", "client_id", "tcc-cli-short", "username", username,
                "password", username + "-local")).token();
    }

    /** An access token of the service-account client {@code clientId}, e.g. {@code feed-kor}. */
    public static String client(String clientId) {
        return cached("client:" + clientId, () -> fetch(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientId + "-local")));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String cached(String key, java.util.function.Supplier<Cached> fetch) {
        Cached cached = CACHE.get(key);
        if (cached == null || cached.expires().isBefore(Instant.now().plusSeconds(30))) {
            cached = fetch.get();
            CACHE.put(key, cached);
        }
        return cached.token();
    }

    private static Cached fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestKeycloak.issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request refused (" + response.statusCode() + "): "
                        + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return new Cached(json.get("access_token").asText(),
                    Instant.now().plusSeconds(json.path("expires_in").asLong(60)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
