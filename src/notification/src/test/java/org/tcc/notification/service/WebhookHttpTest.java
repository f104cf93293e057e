package org.tcc.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
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
    void overTlsTheCheckedAddressIsReachedWithTheHostNameForSniAndCertificateVerification() throws Exception {
        Path dir = Files.createTempDirectory("webhook-tls");
        Path keystore = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=hooks.example.org", "-ext", "SAN=dns:hooks.example.org", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(ks);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        List<String> sni = new CopyOnWriteArrayList<>();
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = serverTls.getDefaultSSLParameters();
                p.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        sni.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
                        return true;
                    }
                }));
                params.setSSLParameters(p);
            }
        });
        List<String> tlsHosts = new CopyOnWriteArrayList<>();
        https.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            tlsHosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        https.start();
        try {
            int port = https.getAddress().getPort();
            WebhookHttp.Resolver toLoopback = host -> List.of(InetAddress.getByAddress(host,
                    new byte[] {127, 0, 0, 1}));
            WebhookHttp http = new WebhookHttp(toLoopback, WebhookTargets.Policy.of(List.of("127.0.0.1/32")),
                    Duration.ofSeconds(5), clientTls.getSocketFactory());

            assertEquals(200, http.post(URI.create("https://hooks.example.org:" + port + "/hook"), Map.of(),
                    "{}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(List.of("hooks.example.org"), sni.stream().distinct().toList(), "SNI names the host");
            assertEquals(List.of("hooks.example.org:" + port), tlsHosts);
            // the certificate is verified against the URL's name, not the address connected to
            assertThrows(SSLHandshakeException.class, () -> http.post(
                    URI.create("https://other.example.org:" + port + "/hook"), Map.of(), new byte[0]));
            assertEquals(1, tlsHosts.size());
        } finally {
            https.stop(0);
        }
    }

    @Test
    void headerValuesCannotSmuggleLines() throws Exception {
        WebhookHttp http = client(WebhookHttp.JDK, "127.0.0.1/32");
        assertThrows(IllegalArgumentException.class, () -> http.post(
                URI.create("http://127.0.0.1:" + port() + "/hook"), Map.of("X", "a\r\nInjected: 1"), new byte[0]));
    }
}
