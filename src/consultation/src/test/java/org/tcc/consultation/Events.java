package org.tcc.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.testsupport.KafkaProbe;

/** Reading consultation events off the real topic. */
public final class Events {

    private Events() {
    }

    public static String type(ConsumerRecord<String, byte[]> r) {
        String ce = KafkaProbe.header(r, CloudEvents.HEADER_TYPE);
        return EventType.fromCeType(ce).map(EventType::typeName).orElse(ce);
    }

    public static JsonNode json(ConsumerRecord<String, byte[]> r) {
        try {
            return Json.mapper().readTree(r.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Predicate<ConsumerRecord<String, byte[]>> of(String consultationId, EventType type) {
        return r -> consultationId.equals(r.key()) && type.ceType().equals(KafkaProbe.header(r, CloudEvents.HEADER_TYPE));
    }

    public static Predicate<ConsumerRecord<String, byte[]>> aboutAlert(String alertId, EventType type) {
        return r -> type.ceType().equals(KafkaProbe.header(r, CloudEvents.HEADER_TYPE))
                && alertId.equals(json(r).path("consultation").path("alertId").asText());
    }
}
