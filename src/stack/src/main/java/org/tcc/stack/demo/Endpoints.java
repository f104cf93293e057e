package org.tcc.stack.demo;

import java.nio.file.Path;

/** Where the scenario finds the running system: only public interfaces. */
public record Endpoints(String ingestion, String consultation, String notification, String issuer,
                        String kafkaBootstrap, Path sensorKeys) {
}
