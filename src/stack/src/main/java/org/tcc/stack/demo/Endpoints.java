package org.tcc.stack.demo;

import java.nio.file.Path;
import org.tcc.stack.infra.KafkaClient;

/** Where the scenario finds the running system: only public interfaces ({@code kafka}: the demo's own identity). */
public record Endpoints(String ingestion, String consultation, String notification, String issuer,
                        KafkaClient kafka, Path sensorKeys) {
}
