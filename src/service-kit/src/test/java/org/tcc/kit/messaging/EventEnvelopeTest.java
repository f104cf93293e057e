package org.tcc.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Topics;

/** What the one consumer path refuses before any handler sees a record, and what it lets through. */
class EventEnvelopeTest {

    private static Map<String, String> valid() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(CloudEvents.HEADER_ID, "3f1c0a7e-5a53-4c1e-9a55-0b3f0f4f2d11");
        h.put(CloudEvents.HEADER_TYPE, "org.tcc.consultation.ConsultationConvened.v1");
        h.put(CloudEvents.HEADER_SOURCE, CloudEvents.SOURCE_CONSULTATION);
        h.put(CloudEvents.HEADER_SPEC_VERSION, "1.0");
        h.put(CloudEvents.HEADER_TIME, "2026-12-01T14:03:07.123456Z");
        return h;
    }

    private static ConsumerRecord<String, byte[]> record(String topic, Map<String, String> headers) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(topic, 0, 0L, "key", new byte[0]);
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    private static String rejected(Map<String, String> headers) {
        return assertThrows(Rejected.class, () -> EventEnvelope.check(record(Topics.CONSULTATIONS, headers)))
                .getMessage();
    }

    @Test
    void aWellFormedEventFromTheTopicsPublisherPasses() {
        assertDoesNotThrow(() -> EventEnvelope.check(record(Topics.CONSULTATIONS, valid())));
        Map<String, String> offset = valid();
        offset.put(CloudEvents.HEADER_TIME, "2026-12-01t23:03:07+09:00");
        assertDoesNotThrow(() -> EventEnvelope.check(record(Topics.CONSULTATIONS, offset)));
        Map<String, String> noTime = valid();
        noTime.remove(CloudEvents.HEADER_TIME); // optional in CloudEvents 1.0
        assertDoesNotThrow(() -> EventEnvelope.check(record(Topics.CONSULTATIONS, noTime)));
    }

    @Test
    void anotherPublishersEventIsRejected() {
        Map<String, String> h = valid();
        h.put(CloudEvents.HEADER_SOURCE, CloudEvents.SOURCE_ALERT_INGESTION);
        assertTrue(rejected(h).contains("only /tcc/consultation publishes on tcc.consultations.v1"));
        h.remove(CloudEvents.HEADER_SOURCE);
        assertTrue(rejected(h).startsWith("ce_source missing"));
    }

    @Test
    void malformedAttributesAreRejected() {
        Map<String, String> h = valid();
        h.put(CloudEvents.HEADER_ID, "x".repeat(257));
        assertTrue(rejected(h).startsWith("ce_id longer than 256 characters"));
        h.put(CloudEvents.HEADER_ID, " ");
        assertTrue(rejected(h).startsWith("missing ce_id"));
        h = valid();
        h.remove(CloudEvents.HEADER_TYPE);
        assertTrue(rejected(h).startsWith("missing ce_type"));
        h = valid();
        h.put(CloudEvents.HEADER_TIME, "2026-12-01 14:03");
        assertTrue(rejected(h).contains("not an RFC 3339 time"));
        h = valid();
        h.put(CloudEvents.HEADER_SPEC_VERSION, "0.3");
        assertTrue(rejected(h).contains("is not 1.0"));
    }

    @Test
    void theSignedFeedIsLeftToItsSignatureCheck() {
        assertDoesNotThrow(() -> EventEnvelope.check(record(Topics.FEED_MISSILE_LAUNCH, Map.of())));
    }
}
