package org.tcc.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.tcc.stack.ServiceLauncher;
import org.tcc.stack.StackLayout;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.Processes;
import org.tcc.testsupport.ProjectRoot;
import org.tcc.testsupport.TestKafka;
import org.tcc.testsupport.TestKeycloak;
import org.tcc.testsupport.TestPostgres;

/**
 * The three packaged services and the packaged console, each in its own process as {@code ./tcc up} runs them,
 * against the build's real Kafka, PostgreSQL, Keycloak and an SMTP server: what the browser tests drive.
 */
final class ConsoleStack implements AutoCloseable {

    /**
     * The console's port in tests: the realm's {@code tcc-console} client accepts sign-in redirects to it
     * ({@code http://localhost:18088/*}), as it does for the console module's own tests, which never run at the
     * same time (one Maven build runs one module's tests at a time).
     */
    static final int CONSOLE_PORT = 18088;
    private static final List<String> SERVICES = List.of("alert-ingestion", "consultation", "notification");

    private final List<StackLayout.Service> services = new ArrayList<>();
    private final List<Long> processes = new ArrayList<>();
    private final GreenMail smtp;
    private final StackLayout.WebConsole console;

    private ConsoleStack() throws IOException {
        Path root = ProjectRoot.dir();
        TestKafka.bootstrapServers();
        SERVICES.forEach(TestPostgres::jdbcUrl);
        String issuer = TestKeycloak.issuer();
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path logs = root.resolve("src/e2e/target/console-logs");
        Files.createDirectories(logs);
        try {
            for (String name : SERVICES) {
                StackLayout.Service service = new StackLayout.Service(name, freePort(), freePort());
                services.add(service);
                Map<String, String> extra = new LinkedHashMap<>(ServiceLauncher.localStackSettings(name, smtpPort, logs));
                processes.add(ServiceLauncher.start(service.jar(root), name, service.port(), service.managementPort(),
                        new ServiceLauncher.Wiring(TestKafka.client(KafkaPrincipal.of(name)), issuer,
                                TestPostgres.port(), TestPostgres.PASSWORD, extra), logs.resolve(name + ".log"), logs));
            }
            console = new StackLayout.WebConsole(CONSOLE_PORT, freePort());
            Path jar = console.jar(root);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the console is not packaged: " + jar + " (build src/console first)");
            }
            processes.add(ServiceLauncher.startConsole(jar, console, issuer, services, "e2e-console-session-secret-"
                    + Long.toHexString(System.nanoTime()) + "-0123456789abcdef", logs.resolve("console.log"), logs));
            for (StackLayout.Service service : services) {
                awaitReady(service.name(), "http://localhost:" + service.managementPort() + "/q/health/ready");
            }
            awaitReady("console", console.readinessUrl());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static ConsoleStack start() throws IOException {
        return new ConsoleStack();
    }

    /** {@code http://localhost:18088/}: the console, as a person opens it. */
    String consoleUrl() {
        return console.url();
    }

    String url(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().url();
    }

    GreenMail smtp() {
        return smtp;
    }

    @Override
    public void close() {
        processes.forEach(pid -> Processes.stopGroup(pid, Duration.ofSeconds(20)));
        processes.clear();
        smtp.stop();
    }

    private static void awaitReady(String what, String url) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Awaitility.await(what + " ready at " + url + " (logs in src/e2e/target/console-logs)")
                .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        return FreePorts.next(CONSOLE_PORT);
    }
}
