package org.tcc.ingestion.domain;

import java.util.Optional;

/** Sensor id → country → public key. */
public interface SensorRegistry {

    Optional<Sensor> find(String sensorId);
}
