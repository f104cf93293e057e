package org.tcc.stack;

import java.util.concurrent.Callable;
import org.tcc.stack.infra.KafkaServer;
import org.tcc.stack.infra.KeycloakServer;
import org.tcc.stack.infra.PrometheusServer;
import picocli.CommandLine.Command;

/** One line per component: is it answering? */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show which parts of the stack are up.")
public class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        StackLayout layout = StackLayout.fromEnvironment();
        boolean allUp = true;
        allUp &= line("kafka", KafkaServer.isListening(layout.kafkaPort()), layout.kafkaBootstrap());
        allUp &= line("postgresql", KafkaServer.isListening(layout.postgresPort()), "port " + layout.postgresPort());
        allUp &= line("keycloak", KeycloakServer.isReady(layout.keycloakPort()), layout.issuer());
        for (StackLayout.Service service : layout.services()) {
            allUp &= line(service.name(), Health.isUp(service.readinessUrl()), service.url());
        }
        allUp &= line("console", Health.isUp(layout.console().readinessUrl()), layout.console().url());
        // optional (./tcc up --prometheus): shown when it answers, never counted as down
        if (PrometheusServer.isReady(layout.prometheusPort())) {
            line("prometheus", true, PrometheusServer.url(layout.prometheusPort()));
        }
        return allUp ? 0 : 1;
    }

    private static boolean line(String name, boolean up, String where) {
        System.out.printf("  %-16s %-5s %s%n", name, up ? "UP" : "DOWN", where);
        return up;
    }
}
