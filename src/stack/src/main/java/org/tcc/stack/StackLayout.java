package org.tcc.stack;

import java.nio.file.Path;
import java.util.List;

/** Where the local stack keeps its data and which ports it uses (all overridable by environment variables). */
public record StackLayout(Path root, Path home, int kafkaPort, int kafkaControllerPort, int postgresPort,
                          int keycloakPort, int smtpPort, int imapPort, List<Service> services) {

    /** One of the three TCC services, run from its Quarkus build output. */
    public record Service(String name, int port, int managementPort) {
        public Path jar(Path root) {
            return root.resolve("src").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public String database() {
            return "tcc_" + name.replace('-', '_');
        }

        public String url() {
            return "http://localhost:" + port;
        }

        /** Health, metrics and OpenAPI: the management interface, on a port of its own. */
        public String managementUrl() {
            return "http://localhost:" + managementPort;
        }

        public String readinessUrl() {
            return managementUrl() + "/q/health/ready";
        }
    }

    public static StackLayout fromEnvironment() {
        Path root = Path.of(env("TCC_ROOT", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path home = Path.of(env("TCC_HOME", root.resolve(".tcc").toString())).toAbsolutePath().normalize();
        return new StackLayout(root, home,
                port("TCC_KAFKA_PORT", 19092), port("TCC_KAFKA_CONTROLLER_PORT", 19093),
                port("TCC_POSTGRES_PORT", 15432), port("TCC_KEYCLOAK_PORT", 8180),
                port("TCC_SMTP_PORT", 3025), port("TCC_IMAP_PORT", 3143),
                List.of(new Service("alert-ingestion", port("TCC_INGESTION_PORT", 8081),
                                port("TCC_INGESTION_MANAGEMENT_PORT", 9081)),
                        new Service("consultation", port("TCC_CONSULTATION_PORT", 8082),
                                port("TCC_CONSULTATION_MANAGEMENT_PORT", 9082)),
                        new Service("notification", port("TCC_NOTIFICATION_PORT", 8083),
                                port("TCC_NOTIFICATION_MANAGEMENT_PORT", 9083))));
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pidFile() {
        return home.resolve("stack.pids");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String issuer() {
        return "http://localhost:" + keycloakPort + "/realms/tcc";
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
