package org.tcc.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.KafkaPrincipal;

/**
 * Points a service under test at the real infrastructure: the JVM's Kafka broker, its own database on the JVM's
 * PostgreSQL server, and the build's Keycloak. Init arg {@code service} names the service (its database and its Kafka
 * principal, whose ACLs the service runs under).
 */
public class TccInfraResource implements QuarkusTestResourceLifecycleManager {

    private String service = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        KafkaClient kafka = TestKafka.client(KafkaPrincipal.of(service));
        config.put("kafka.bootstrap.servers", kafka.bootstrap());
        config.put("kafka.sasl.jaas.config", kafka.jaasConfig());
        config.put("kafka.ssl.truststore.location", kafka.truststore().toString());
        config.put("quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl(service));
        config.put("quarkus.datasource.username", TestPostgres.user(service));
        config.put("quarkus.datasource.password", TestPostgres.PASSWORD);
        // migrations run as the owner; the service itself as its runtime role (docs/operations.md, "Database roles")
        config.put("quarkus.flyway.username", TestPostgres.owner(service));
        config.put("quarkus.flyway.password", TestPostgres.PASSWORD);
        config.put("quarkus.oidc.auth-server-url", TestKeycloak.issuer());
        return config;
    }

    @Override
    public void stop() {
        // broker, database and Keycloak are shared by every test of the JVM (Keycloak by the whole build)
    }
}
