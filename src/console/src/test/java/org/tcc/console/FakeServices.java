package org.tcc.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tcc.testsupport.TestKeycloak;

/**
 * The console under test signs in against the build's real Keycloak; the three services behind its proxy are one
 * small HTTP server on this machine that records what reached it (method, path, headers, body) and answers like a
 * service would: JSON, a {@code Location}, or a Server-Sent Events stream that writes one event and then waits until
 * the test releases it (so a test can prove the proxy relays events before the stream ends).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** One request as the service saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public static final BlockingQueue<Seen> SEEN = new LinkedBlockingQueue<>();
    public static volatile CountDownLatch releaseStream = new CountDownLatch(1);
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", FakeServices::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("tcc.console.ingestion-url", base + "/ingestion");
        config.put("tcc.console.consultation-url", base + "/consultation");
        config.put("tcc.console.notification-url", base + "/notification");
        config.put("quarkus.oidc.auth-server-url", TestKeycloak.issuer());
        return config;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        SEEN.add(new Seen(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        if (path.startsWith("/notification/api/v1/notifications/stream")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("id: 42\nevent: notification\ndata: {\"seq\":42}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                releaseStream.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("id: 43\nevent: notification\ndata: {\"seq\":43}\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
            return;
        }
        byte[] answer;
        if (exchange.getRequestMethod().equals("POST") && path.equals("/ingestion/api/v1/alerts")) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/ingestion/api/v1/alerts/a-1");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Set-Cookie", "upstream=must-not-reach-the-browser");
            answer = "{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer = "{\"items\":[],\"next\":null}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            releaseStream.countDown();
            server.stop(0);
        }
    }
}
