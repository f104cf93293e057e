package org.tcc.ingestion.domain;

import java.security.interfaces.ECPublicKey;
import org.tcc.contracts.Country;

/** A registered sensor: the country operating it and the public key its reports are signed with. */
public record Sensor(String sensorId, Country country, ECPublicKey publicKey) {
}
