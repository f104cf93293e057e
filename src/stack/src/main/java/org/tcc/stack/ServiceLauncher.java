package org.tcc.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.Processes;

/** Starts one TCC service from its Quarkus build output, in its own process group, configured by environment. */
public final class ServiceLauncher {

    /**
     * Where the service finds the infrastructure, and its own Kafka identity ({@code kafka}: its SCRAM user, password
     * and the broker's certificate). {@code extraEnv} adds service-specific settings.
     */
    public record Wiring(KafkaClient kafka, String oidcIssuer, int postgresPort, String dbPassword,
                         Map<String, String> extraEnv) {
    }

    private ServiceLauncher() {
    }

    /**
     * What a service needs beyond the shared wiring on one developer machine: ingestion trusts the repository's
     * local sensor keys and demo zones (explicitly: production refuses them), the consultation service signs its
     * audit checkpoints with a key generated once under {@code home} ({@link AuditKeys}), the notification service
     * seeds its directory from the local realm's users, may call (plain-http) webhooks on this machine's loopback
     * addresses, and mails through the local SMTP server.
     */
    public static Map<String, String> localStackSettings(String service, int smtpPort, Path home) {
        if (service.equals("alert-ingestion")) {
            // the repository's sensor keys and demo zones: refused in production unless accepted explicitly
            return Map.of("TCC_SENSOR_REGISTRY", "classpath:sensors/local-sensors.jwks.json",
                    "TCC_ZONES", "classpath:zones/default-zones.geojson", "TCC_ACCEPT_REPOSITORY_MATERIAL", "true");
        }
        if (service.equals("consultation")) {
            return Map.of("TCC_AUDIT_SIGNING_KEY", AuditKeys.ensure(home).toString());
        }
        if (!service.equals("notification")) {
            return Map.of();
        }
        return Map.of("TCC_LOCAL_STACK", "true", "TCC_SMTP_HOST", "127.0.0.1", "TCC_SMTP_PORT",
                String.valueOf(smtpPort), "TCC_SMTP_STARTTLS", "DISABLED",
                // webhook receivers on this machine only; every other non-public address stays refused
                "TCC_WEBHOOK_ALLOWED_TARGETS", "127.0.0.1/32,::1/128");
    }

    /** JVM options of the services: {@code TCC_SERVICE_JAVA_OPTS} (space-separated) or the measured default. */
    static List<String> jvmOptions() {
        String options = System.getenv().getOrDefault("TCC_SERVICE_JAVA_OPTS", DEFAULT_JVM_OPTIONS).strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * The serial collector: on two cores shared by seven processes a concurrent collector buys nothing, and it kept
     * each service at 260-280 MB resident under load instead of 410-470 MB (docs/benchmarks.md, "JVM settings").
     */
    static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC";

    /**
     * Starts the web console: it needs no database or broker, only Keycloak (sign-in), the three services' URLs and
     * the secret that encrypts its session cookies ({@code sessionSecret}, kept under the stack's home so a restart
     * of the console keeps everybody signed in). Returns the process (group) id.
     */
    public static long startConsole(Path jar, StackLayout.WebConsole console, String issuer,
                                    List<StackLayout.Service> services, String sessionSecret, Path log, Path workDir)
            throws IOException {
        ProcessBuilder builder = javaProcess(jar, "-Xms32m", "-Xmx192m", console.port(), console.managementPort(), log,
                workDir);
        Map<String, String> env = builder.environment();
        env.put("TCC_OIDC_ISSUER", issuer);
        env.put("TCC_CONSOLE_SESSION_SECRET", sessionSecret);
        for (StackLayout.Service service : services) {
            String variable = switch (service.name()) {
                case "alert-ingestion" -> "TCC_CONSOLE_INGESTION_URL";
                case "consultation" -> "TCC_CONSOLE_CONSULTATION_URL";
                default -> "TCC_CONSOLE_NOTIFICATION_URL";
            };
            env.put(variable, service.url());
        }
        return builder.start().pid();
    }

    /** Returns the process (group) id; output goes to {@code log}. */
    public static long start(Path jar, String name, int port, int managementPort, Wiring wiring, Path log,
                             Path workDir)
            throws IOException {
        ProcessBuilder builder = javaProcess(jar, "-Xms64m", "-Xmx384m", port, managementPort, log, workDir);
        String database = "tcc_" + name.replace('-', '_');
        Map<String, String> env = builder.environment();
        env.put("TCC_DB_URL", "jdbc:postgresql://localhost:" + wiring.postgresPort() + "/" + database);
        // the service runs as its runtime role; Flyway migrates as the database's owner (infra.Databases)
        env.put("TCC_DB_USER", database + "_app");
        env.put("TCC_DB_PASSWORD", wiring.dbPassword());
        env.put("TCC_DB_OWNER_USER", database);
        env.put("TCC_DB_OWNER_PASSWORD", wiring.dbPassword());
        env.put("TCC_KAFKA_BOOTSTRAP", wiring.kafka().bootstrap());
        env.put("TCC_KAFKA_USER", wiring.kafka().user());
        env.put("TCC_KAFKA_PASSWORD", wiring.kafka().password());
        env.put("TCC_KAFKA_TRUSTSTORE", wiring.kafka().truststore().toAbsolutePath().toString());
        env.put("TCC_OIDC_ISSUER", wiring.oidcIssuer());
        env.putAll(wiring.extraEnv());
        return builder.start().pid();
    }

    /** A Quarkus application jar in its own process group (setsid), on its two ports, output appended to log. */
    private static ProcessBuilder javaProcess(Path jar, String initialHeap, String maxHeap, int port,
                                              int managementPort, Path log, Path workDir) {
        List<String> command = new java.util.ArrayList<>(List.of("setsid", Processes.javaBinary(), initialHeap,
                maxHeap));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TCC_HTTP_PORT", String.valueOf(port));
        builder.environment().put("TCC_MANAGEMENT_PORT", String.valueOf(managementPort));
        return builder;
    }
}
