package org.tcc.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.EventPayload;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.testsupport.KafkaProbe;

/** Plays the alert-ingestion and consultation services: builds events and sends them as binary CloudEvents. */
public final class Events {

    private Events() {
    }

    public static AlertState alert(String alertId, long version, Severity severity, TrafficStatus status,
                                   List<Country> releasableTo, List<Country> affected,
                                   List<Acknowledgement> acks) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new AlertState(alertId, version, AlertOrigin.LIAISON, Country.USA, AlertType.MISSILE_LAUNCH,
                Region.SEA_OF_JAPAN, status, AlertLifecycle.ACTIVE, "Launch " + alertId.substring(0, 8), null,
                severity, Urgency.Immediate, Certainty.Observed, null, releasableTo, affected, acks, null, now, now);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Sends {@code payload} as an event of {@code type}; returns its ce_id. */
    public static String send(EventType type, EventPayload payload) {
        String id = newId();
        send(type, payload, id);
        return id;
    }

    public static void send(EventType type, EventPayload payload, String ceId) {
        sendRaw(type.topic(), payload.aggregateId(), Json.toBytes(payload), ceId, type.ceType());
    }

    public static void sendRaw(String topic, String key, byte[] value, String ceId, String ceType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_ID, ceId);
        headers.put(CloudEvents.HEADER_TYPE, ceType);
        headers.put(CloudEvents.HEADER_SOURCE, CloudEvents.publisherOf(topic).orElse("/tcc/test"));
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE);
        headers.put(CloudEvents.HEADER_SUBJECT, key);
        KafkaProbe.send(topic, key, value, headers);
    }
}
