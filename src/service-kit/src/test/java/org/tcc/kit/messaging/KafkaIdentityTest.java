package org.tcc.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's Kafka settings must name its own principal and the broker's trust anchor, over SASL_SSL. */
class KafkaIdentityTest {

    private static Map<String, Object> complete() {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", "localhost:19092");
        c.put("security.protocol", "SASL_SSL");
        c.put("sasl.mechanism", "SCRAM-SHA-512");
        c.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"consultation\" password=\"s3cret\";");
        c.put("ssl.truststore.location", "/etc/tcc/kafka/ca.crt");
        return c;
    }

    @Test
    void aCompleteIdentityPasses() {
        assertEquals(List.of(), KafkaIdentity.missing(complete()));
    }

    @Test
    void emptyUserPasswordOrTrustAnchorAreNamed() {
        Map<String, Object> c = complete();
        c.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"\" password=\" \";");
        c.put("ssl.truststore.location", "");
        List<String> missing = KafkaIdentity.missing(c);
        assertEquals(3, missing.size(), missing.toString());
        assertTrue(missing.get(0).contains("TCC_KAFKA_USER"));
        assertTrue(missing.get(1).contains("TCC_KAFKA_PASSWORD"));
        assertTrue(missing.get(2).contains("TCC_KAFKA_TRUSTSTORE"));
    }

    @Test
    void plaintextIsRefused() {
        Map<String, Object> c = complete();
        c.put("security.protocol", "PLAINTEXT");
        assertEquals(List.of("security.protocol is not SASL_SSL"), KafkaIdentity.missing(c));
    }
}
