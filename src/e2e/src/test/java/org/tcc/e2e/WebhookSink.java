package org.tcc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A liaison's webhook endpoint on this machine (127.0.0.1, the only address the test's notification process may
 * reach: {@code TCC_WEBHOOK_ALLOWED_TARGETS}): answers 200 and keeps each request's W3C {@code traceparent}.
 */
final class WebhookSink implements AutoCloseable {

    /** One request: its {@code traceparent} (or null) and body. */
    record Received(String traceparent, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("traceparent"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Points the webhook of {@code country}'s recipient {@code name} at this sink, through notification's directory
     * API as {@code adminToken}'s holder (the trilateral admin).
     */
    void register(String notification, String adminToken, String country, String name) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(notification
                        + "/api/v1/recipients?country=" + country)).header("Authorization", "Bearer " + adminToken)
                .timeout(java.time.Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (list.statusCode() != 200) {
            throw new AssertionError("recipients of " + country + ": HTTP " + list.statusCode() + " " + list.body());
        }
        JsonNode recipient = null;
        for (JsonNode r : JSON.readTree(list.body()).path("items")) {
            if (name.equals(r.path("name").asText())) {
                recipient = r;
            }
        }
        if (recipient == null) {
            throw new AssertionError("no recipient " + name + " in " + list.body());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", country);
        body.put("name", name);
        body.put("chainStep", recipient.path("chainStep").asText());
        body.put("email", recipient.path("email").asText(null));
        body.put("stream", recipient.path("stream").asBoolean());
        body.put("active", true);
        body.put("webhookUrl", url());
        body.put("webhookSecret", "e2e-webhook-secret-0123456789");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(notification + "/api/v1/recipients/"
                        + recipient.path("id").asText())).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new AssertionError("webhook of " + name + ": HTTP " + put.statusCode() + " " + put.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
