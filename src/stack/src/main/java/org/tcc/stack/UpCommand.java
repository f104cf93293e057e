package org.tcc.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tcc.stack.infra.Databases;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.KafkaSecurity;
import org.tcc.stack.infra.KafkaServer;
import org.tcc.stack.infra.KafkaTopics;
import org.tcc.stack.infra.KeycloakServer;
import org.tcc.stack.infra.Processes;
import org.tcc.stack.infra.PrometheusServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts everything, prints "ready" once every health check is UP, and stops it all on Ctrl-C or {@code down}. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka, PostgreSQL, Keycloak and the three TCC services; Ctrl-C (or ./tcc down) stops them.")
public class UpCommand implements Callable<Integer> {

    @Option(names = "--prometheus", description = "also start Prometheus (Debian's prometheus package, or"
            + " TCC_PROMETHEUS_BIN) scraping the services' /q/metrics with deploy/observability's rules; data in"
            + " .tcc/prometheus, port TCC_PROMETHEUS_PORT (9090)")
    boolean prometheus;

    private Path prometheusBinary;

    static final String DB_PASSWORD = "tcc-local-only";

    /** Restarts of one component within this window count towards {@link #MAX_RESTARTS}. */
    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);
    /** More restarts than this within {@link #RESTART_WINDOW} and the component is left down (crash loop). */
    static final int MAX_RESTARTS = 5;

    /** How to start a component again: returns its new process (group) id. */
    @FunctionalInterface
    interface Starter {
        long start() throws IOException, InterruptedException;
    }

    private final Map<String, Long> processGroups = new LinkedHashMap<>();
    private final Map<String, Starter> starters = new LinkedHashMap<>();
    private final Map<String, List<Long>> restarts = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private EmbeddedPostgres postgres;
    private org.tcc.stack.infra.MailServer mail;
    private StackLayout layout;
    private KafkaSecurity kafkaSecurity;

    @Override
    public Integer call() throws Exception {
        layout = StackLayout.fromEnvironment();
        long started = System.nanoTime();
        try {
            preflight();
        } catch (IllegalStateException e) {
            Console.error(e.getMessage());
            return 2;
        }
        Files.createDirectories(layout.logs());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "tcc-stop"));
        try {
            startKeycloak();
            startPostgres();
            startKafka();
            Console.say("starting the SMTP server (GreenMail) on port " + layout.smtpPort()
                    + ", IMAP on " + layout.imapPort());
            mail = org.tcc.stack.infra.MailServer.start(layout.smtpPort(), layout.imapPort());
            startServices();
            if (prometheus) {
                startPrometheus();
            }
            Console.say("waiting for Keycloak (realm tcc) on port " + layout.keycloakPort());
            KeycloakServer.awaitReady(layout.keycloakPort(), processGroups.get("keycloak"), Duration.ofMinutes(5),
                    Console::say);
            awaitServicesReady();
            if (prometheus) {
                PrometheusServer.awaitReady(layout.prometheusPort(), processGroups.get("prometheus"),
                        Duration.ofMinutes(1), Console::say);
            }
            startConsole();
        } catch (RuntimeException e) {
            Console.error(e.getMessage() + " (logs in " + layout.logs() + ")");
            return 1;
        }
        printReady(Duration.ofNanos(System.nanoTime() - started));
        watch();
        return 0;
    }

    private void preflight() throws IOException {
        if (Runtime.version().feature() < 17) {
            throw new IllegalStateException("Java 17 or newer is needed; this is Java " + Runtime.version());
        }
        if (Files.exists(layout.pidFile())) {
            String[] first = Files.readAllLines(layout.pidFile()).stream().findFirst().orElse("").split(" ");
            if (first.length == 2 && Processes.isAlive(Long.parseLong(first[1]))) {
                throw new IllegalStateException("the stack is already running (pid " + first[1]
                        + "); stop it with ./tcc down");
            }
        }
        if (prometheus) {
            prometheusBinary = PrometheusServer.binary(System.getenv()).orElseThrow(
                    () -> new IllegalStateException(PrometheusServer.missingBinaryMessage(System.getenv())));
        }
        for (StackLayout.Service service : layout.services()) {
            if (!Files.isRegularFile(service.jar(layout.root()))) {
                throw new IllegalStateException(service.name() + " is not built (" + service.jar(layout.root())
                        + " missing): run ./mvnw -DskipTests install, or ./tcc up which builds it");
            }
        }
        if (!Files.isRegularFile(layout.console().jar(layout.root()))) {
            throw new IllegalStateException("the console is not built (" + layout.console().jar(layout.root())
                    + " missing): run ./mvnw -DskipTests install, or ./tcc up which builds it");
        }
        List<String> taken = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", layout.kafkaPort());
        ports.put("Kafka controller", layout.kafkaControllerPort());
        ports.put("Kafka inter-broker", layout.kafkaInternalPort());
        ports.put("PostgreSQL", layout.postgresPort());
        ports.put("Keycloak", layout.keycloakPort());
        ports.put("Keycloak management", layout.keycloakPort() + 1);
        ports.put("SMTP", layout.smtpPort());
        ports.put("IMAP", layout.imapPort());
        layout.services().forEach(s -> ports.put(s.name(), s.port()));
        if (prometheus) {
            ports.put("Prometheus", layout.prometheusPort());
        }
        ports.put("console", layout.console().port());
        ports.put("console management", layout.console().managementPort());
        ports.forEach((what, port) -> {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException e) {
                taken.add(what + " port " + port);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("already in use: " + String.join(", ", taken)
                    + ". Stop what uses them (./tcc down, if it is an earlier stack) or choose other ports"
                    + " (TCC_KAFKA_PORT, TCC_POSTGRES_PORT, TCC_KEYCLOAK_PORT, TCC_INGESTION_PORT, ...).");
        }
    }

    private void startKeycloak() throws IOException, InterruptedException {
        Path zip = Path.of(System.getProperty("tcc.keycloak.zip", System.getProperty("user.home")
                + "/.m2/repository/org/keycloak/keycloak-quarkus-dist/" + KeycloakServer.VERSION
                + "/keycloak-quarkus-dist-" + KeycloakServer.VERSION + ".zip"));
        Path home = KeycloakServer.install(zip, layout.home(), Console::say);
        boolean firstStart = !Files.exists(home.resolve("data/h2"));
        Console.say("starting Keycloak " + KeycloakServer.VERSION + " on port " + layout.keycloakPort()
                + (firstStart ? " (first start: about a minute)" : ""));
        Path realm = layout.root().resolve("deploy/keycloak/tcc-realm.json");
        // Keycloak imports the realm into its database once: a changed realm file (new users, roles, clients)
        // recreates that database, else the stack would keep serving the old realm
        String realmHash = java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(realm)));
        Path stamp = home.resolve("realm.sha256");
        boolean realmChanged = !firstStart
                && !(Files.exists(stamp) && Files.readString(stamp).trim().equals(realmHash));
        if (realmChanged) {
            Console.say("the realm file changed since Keycloak imported it: its local database is recreated");
        }
        long pid = KeycloakServer.start(home, layout.keycloakPort(), realm, layout.logs().resolve("keycloak.log"),
                realmChanged);
        Files.writeString(stamp, realmHash);
        starters.put("keycloak", () -> KeycloakServer.start(home, layout.keycloakPort(), realm,
                layout.logs().resolve("keycloak.log"), false));
        remember("keycloak", pid);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startPostgres() throws IOException {
        Console.say("starting PostgreSQL on port " + layout.postgresPort());
        Path data = layout.home().resolve("postgres");
        Files.createDirectories(data);
        String fsync = postgresFsync(System.getenv("TCC_PG_FSYNC"));
        Console.say("PostgreSQL durability: fsync=" + fsync + ", synchronous_commit=on"
                + (fsync.equals("on") ? " (as in production; TCC_PG_FSYNC=off for the fast setting)"
                : " (TCC_PG_FSYNC=off: a machine crash can lose committed transactions)"));
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(layout.postgresPort())
                // commits wait for their WAL to be flushed (the embedded default is off)
                .setServerConfig("synchronous_commit", "on")
                // zonky starts the postmaster with -F (fsync off); a later "-c fsync=on" on the same command line
                // overrides it, so by default a commit reaches the disk, not only the page cache, as in production
                .setServerConfig("fsync", fsync).start();
        String admin = "jdbc:postgresql://localhost:" + layout.postgresPort() + "/postgres";
        for (StackLayout.Service service : layout.services()) {
            Databases.ensure(admin, "postgres", "postgres", service.database(), DB_PASSWORD);
        }
    }

    /** {@code fsync} for the local PostgreSQL: on unless {@code TCC_PG_FSYNC} says off. */
    static String postgresFsync(String setting) {
        if (setting == null || setting.isBlank()) {
            return "on";
        }
        String value = setting.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("off") || value.equals("on")) {
            return value;
        }
        throw new IllegalStateException("TCC_PG_FSYNC must be on or off, not " + setting);
    }

    private void startKafka() throws IOException, InterruptedException {
        Console.say("starting the Kafka broker on port " + layout.kafkaPort() + " (SASL SCRAM-SHA-512 over TLS, ACLs)");
        kafkaSecurity = KafkaSecurity.generate(layout.kafkaSecurityDir());
        Starter starter = () -> KafkaServer.start(layout.home().resolve("kafka"), layout.kafkaPort(),
                layout.kafkaInternalPort(), layout.kafkaControllerPort(), kafkaSecurity,
                System.getProperty("java.class.path"), layout.logs().resolve("kafka.log"));
        starters.put("kafka", starter);
        long pid = starter.start();
        remember("kafka", pid);
        KafkaServer.awaitPort(layout.kafkaPort(), pid, Duration.ofMinutes(2), Console::say);
        Console.say("creating Kafka users and ACLs, topics, and waiting for their leaders");
        kafkaSecurity.provision(layout.kafkaInternalBootstrap(), layout.kafkaBootstrap(), KafkaPrincipal.localStack(),
                Duration.ofMinutes(1));
        KafkaTopics.createAll(kafkaSecurity.broker(layout.kafkaInternalBootstrap()), Duration.ofMinutes(1));
    }

    private void startServices() throws IOException, InterruptedException {
        for (StackLayout.Service service : layout.services()) {
            Console.say("starting " + service.name() + " on port " + service.port());
            ServiceLauncher.Wiring wiring = new ServiceLauncher.Wiring(kafkaSecurity.client(layout.kafkaBootstrap(),
                    KafkaPrincipal.of(service.name())), layout.issuer(),
                    layout.postgresPort(), DB_PASSWORD, ServiceLauncher.localStackSettings(service.name(),
                    layout.smtpPort(), layout.home()));
            Starter starter = () -> ServiceLauncher.start(service.jar(layout.root()), service.name(), service.port(),
                    service.managementPort(),
                    wiring, layout.logs().resolve(service.name() + ".log"), layout.home());
            starters.put(service.name(), starter);
            remember(service.name(), starter.start());
        }
    }

    private void startPrometheus() throws IOException, InterruptedException {
        Console.say("starting Prometheus (" + prometheusBinary + ") on port " + layout.prometheusPort()
                + ", scraping " + layout.prometheusTargets().stream().map(t -> t.job() + ":" + t.port()).toList());
        Path rules = layout.root().resolve(PrometheusServer.RULES);
        Starter starter = () -> PrometheusServer.start(prometheusBinary, layout.prometheusHome(),
                layout.prometheusPort(), layout.prometheusTargets(), rules, layout.logs().resolve("prometheus.log"));
        starters.put("prometheus", starter);
        remember("prometheus", starter.start());
    }

    /** The web console, once the services it relays to are up; ready when Keycloak's realm answers it. */
    private void startConsole() throws IOException, InterruptedException {
        StackLayout.WebConsole console = layout.console();
        Console.say("starting the console on port " + console.port());
        String secret = ConsoleSecret.ensure(layout.home());
        Starter starter = () -> ServiceLauncher.startConsole(console.jar(layout.root()), console, layout.issuer(),
                layout.services(), secret, layout.logs().resolve("console.log"), layout.home());
        starters.put("console", starter);
        remember("console", starter.start());
        Console.say("waiting for the console's health checks (" + console.readinessUrl() + ")");
        Health.awaitUp(console.readinessUrl(), processGroups.get("console"), Duration.ofMinutes(2));
    }

    private void awaitServicesReady() {
        for (StackLayout.Service service : layout.services()) {
            Console.say("waiting for " + service.name() + " health checks (" + service.readinessUrl() + ")");
            Health.awaitUp(service.readinessUrl(), processGroups.get(service.name()),
                    Duration.ofMinutes(3));
        }
    }

    private void printReady(Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("\nready (").append(took.toSeconds()).append(" s): every health check is UP\n\n");
        out.append("  console: ").append(layout.console().url())
                .append("   (open it and sign in as a user below; English, 한국어, 日本語)\n\n");
        for (StackLayout.Service service : layout.services()) {
            out.append(String.format("  %-16s %s   (OpenAPI %s/q/swagger-ui)%n", service.name(), service.url(),
                    service.managementUrl()));
        }
        out.append(String.format("  %-16s http://localhost:%d  (admin console: admin / admin-local, realm tcc)%n",
                "keycloak", layout.keycloakPort()));
        out.append(String.format("  %-16s %s  (SASL_SSL SCRAM-SHA-512; users' passwords and the broker certificate"
                + " in %s)%n", "kafka", layout.kafkaBootstrap(), layout.kafkaSecurityDir()));
        out.append(String.format("  %-16s smtp localhost:%d, read mail over IMAP localhost:%d (user = address)%n",
                "mail", layout.smtpPort(), layout.imapPort()));
        out.append(String.format("  %-16s jdbc:postgresql://localhost:%d (databases tcc_*)%n", "postgresql",
                layout.postgresPort()));
        if (prometheus) {
            out.append(String.format("  %-16s %s  (targets %s/targets, alert rules /alerts; data in %s)%n",
                    "prometheus", PrometheusServer.url(layout.prometheusPort()),
                    PrometheusServer.url(layout.prometheusPort()), layout.prometheusHome()));
        }
        out.append("\n  users (LOCAL-ONLY passwords: <username>-local): us-liaison kr-liaison jp-liaison, us-duty"
                + " kr-duty jp-duty, auditor, admin\n  feed clients (secret <client>-local): feed-usa feed-kor"
                + " feed-jpn\n\n  get a token:\n");
        out.append("    TOKEN=$(curl -s -d grant_type=password -d client_id=tcc-cli -d username=jp-liaison"
                + " -d password=jp-liaison-local ").append(layout.issuer())
                .append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        out.append("    curl -H \"Authorization: Bearer $TOKEN\" http://localhost:")
                .append(layout.services().get(0).port()).append("/api/v1/alerts\n\n");
        out.append("  logs: ").append(layout.logs()).append("   stop: Ctrl-C or ./tcc down\n");
        System.out.println(out);
    }

    /**
     * Watches every component; one that dies without being asked to (a crash, an OOM kill, {@code kill -9}) is
     * started again with the same settings, like a Kubernetes restart policy, after a back-off that doubles with
     * each restart in the last {@link #RESTART_WINDOW} (1 s, 2 s, 4 s ...). A component that crashes more than
     * {@link #MAX_RESTARTS} times in that window is left down.
     */
    private void watch() throws InterruptedException {
        while (stopped.getCount() > 0) {
            for (Map.Entry<String, Long> entry : List.copyOf(processGroups.entrySet())) {
                if (!stopping && !Processes.isAlive(entry.getValue())) {
                    restart(entry.getKey(), entry.getValue());
                }
            }
            stopped.await(Duration.ofSeconds(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void restart(String name, long deadPid) throws InterruptedException {
        long now = System.nanoTime();
        List<Long> recent = restarts.computeIfAbsent(name, n -> new ArrayList<>());
        recent.removeIf(at -> now - at > RESTART_WINDOW.toNanos());
        if (recent.size() >= MAX_RESTARTS) {
            Console.error(name + " (pid " + deadPid + ") exited again: " + recent.size() + " restarts in the last "
                    + RESTART_WINDOW.toMinutes() + " min, leaving it down; see " + layout.logs());
            synchronized (this) {
                processGroups.remove(name);
                writePidFile();
            }
            return;
        }
        long backoffSeconds = 1L << recent.size();
        Console.error(name + " (pid " + deadPid + ") exited unexpectedly; restarting it in " + backoffSeconds
                + " s (restart " + (recent.size() + 1) + " in " + RESTART_WINDOW.toMinutes() + " min), log "
                + layout.logs().resolve(name + ".log"));
        recent.add(now);
        if (stopped.await(backoffSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            return;
        }
        long pid;
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                pid = starters.get(name).start();
                remember(name, pid);
            } catch (IOException | RuntimeException e) {
                Console.error("cannot restart " + name + ": " + e.getMessage() + "; will try again");
                return;
            }
        }
        Console.say("restarted " + name + " (pid " + pid + ")");
        if (name.equals("kafka")) {
            try {
                KafkaServer.awaitPort(layout.kafkaPort(), pid, Duration.ofMinutes(2), Console::say);
            } catch (IllegalStateException e) {
                Console.error(e.getMessage());
            }
        }
    }

    private synchronized void remember(String name, long pid) throws IOException {
        processGroups.put(name, pid);
        writePidFile();
    }

    /** Rewrites {@code stack.pids}: the supervisor first, then every component's current process group. */
    private synchronized void writePidFile() {
        List<String> lines = new ArrayList<>();
        lines.add("supervisor " + ProcessHandle.current().pid());
        processGroups.forEach((n, p) -> lines.add(n + " " + p));
        try {
            Path temporary = layout.pidFile().resolveSibling("stack.pids.tmp");
            Files.write(temporary, lines);
            Files.move(temporary, layout.pidFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Console.error("cannot write " + layout.pidFile() + ": " + e.getMessage());
        }
    }

    private synchronized void stopAll() {
        stopping = true;
        Console.say("stopping the stack");
        List<String> names = new ArrayList<>(processGroups.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            Processes.stopGroup(processGroups.get(name), Duration.ofSeconds(20));
            Console.say("stopped " + name);
        }
        processGroups.clear();
        if (mail != null) {
            mail.close();
            Console.say("stopped the SMTP server");
        }
        if (postgres != null) {
            try {
                postgres.close();
                Console.say("stopped postgresql");
            } catch (IOException e) {
                Console.error("stopping PostgreSQL: " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(layout.pidFile());
        } catch (IOException e) {
            // nothing more to do
        }
        stopped.countDown();
    }
}
