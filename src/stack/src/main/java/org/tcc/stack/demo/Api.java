package org.tcc.stack.demo;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A small HTTP client for the scenario: real tokens from Keycloak, JSON in and out. */
public final class Api {

    /** A response: status, body text, and the body as JSON when it is JSON. */
    public record Reply(int status, String body, JsonNode json) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Api(String issuer) {
        this.issuer = issuer;
    }

    /** Token of a realm user (local password {@code <user>-local}) or, for {@code feed-*}, of a feed client. */
    public String token(String who) {
        return tokens.computeIfAbsent(who, w -> {
            Map<String, String> form = w.startsWith("feed-")
                    ? Map.of("grant_type", "client_credentials", "client_id", w, "client_secret", w + "-local")
                    : Map.of("grant_type", "password", "client_id", "tcc-cli", "username", w, "password", w + "-local");
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            Reply reply = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (reply.status() != 200) {
                throw new ScenarioFailure("Keycloak refused a token for " + w + ": " + reply.body());
            }
            return reply.json().get("access_token").asText();
        });
    }

    public Reply get(String who, String url) {
        return get(who, url, "application/json");
    }

    public Reply get(String who, String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(who))
                .header("Accept", accept).GET());
    }

    public Reply post(String who, String url, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(who))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? "{}".getBytes()
                            : JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new ScenarioFailure("cannot write request: " + e);
        }
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new ScenarioFailure(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("interrupted");
        }
    }
}
