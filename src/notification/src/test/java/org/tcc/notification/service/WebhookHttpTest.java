package org.tcc.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcc.notification.domain.WebhookTargets;

/**
 * The webhook client against a real HTTP server on 127.0.0.1: the host is resolved once, the connection goes to the
 * address that was checked (a resolver that answers differently the second time, as in DNS rebinding, is never asked
 * again), and the request still names the host.
 */
class WebhookHttpTest {

    private HttpServer server;
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static WebhookHttp client(WebhookHttp.Resolver resolver, String... allowed) throws Exception {
        return new WebhookHttp(resolver, WebhookTargets.Policy.of(List.of(allowed)), Duration.ofSeconds(5),
                SSLContext.getDefault().getSocketFactory());
    }

    @Test
    void connectsToTheCheckedAddressAndResolvesOnlyOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // first answer: the allow-listed receiver; any later answer: the metadata endpoint (a rebinding attack)
        WebhookHttp.Resolver rebinding = host -> List.of(InetAddress.getByAddress(host,
                lookups.getAndIncrement() == 0 ? new byte[] {127, 0, 0, 1} : new byte[] {(byte) 169, (byte) 254,
                        (byte) 169, (byte) 254}));
        WebhookHttp http = client(rebinding, "127.0.0.1/32");

        int status = http.post(URI.create("http://hooks.example.org:" + port() + "/hook"),
                Map.of("Content-Type", "application/json"), "{\"n\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals(204, status);
        assertEquals(1, lookups.get(), "resolved once per attempt");
        assertEquals(List.of("hooks.example.org:" + port()), hosts, "the request names the host, not the address");
        assertEquals(List.of("{\"n\":1}"), bodies);
    }

    @Test
    void aNameWithOneNonPublicAddressIsRefusedBeforeAnyConnection() throws Exception {
        WebhookHttp.Resolver mixed = host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184,
                (byte) 216, 34}), InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        WebhookHttp http = client(mixed);
        WebhookHttp.Refused refused = assertThrows(WebhookHttp.Refused.class, () -> http.post(
                URI.create("http://hooks.example.org:" + port() + "/hook"), Map.of(), new byte[0]));
        assertTrue(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
        assertEquals(List.of(), hosts, "nothing reached the receiver");
    }

    @Test
    void loopbackNamesAndLiteralsAreRefusedWithoutAnAllowList() throws Exception {
        WebhookHttp http = client(WebhookHttp.JDK);
        for (String url : List.of("http://localhost:" + port() + "/hook", "http://127.0.0.1:" + port() + "/hook",
                "http://[::ffff:127.0.0.1]:" + port() + "/hook", "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/hook")) {
            assertThrows(WebhookHttp.Refused.class, () -> http.post(URI.create(url), Map.of(), new byte[0]), url);
        }
        assertEquals(List.of(), hosts);
    }

    @Test
    void headerValuesCannotSmuggleLines() throws Exception {
        WebhookHttp http = client(WebhookHttp.JDK, "127.0.0.1/32");
        assertThrows(IllegalArgumentException.class, () -> http.post(
                URI.create("http://127.0.0.1:" + port() + "/hook"), Map.of("X", "a\r\nInjected: 1"), new byte[0]));
    }
}
