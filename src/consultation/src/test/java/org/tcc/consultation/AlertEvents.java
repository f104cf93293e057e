package org.tcc.consultation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.EventPayload;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertCancelled;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.testsupport.KafkaProbe;

/** Alert events as alert-ingestion publishes them: binary-mode CloudEvents on tcc.alerts.v1, keyed by alert id. */
public final class AlertEvents {

    private AlertEvents() {
    }

    public static AlertState alert(String alertId, long version, Severity severity, TrafficStatus status,
                                   AlertLifecycle lifecycle, List<Country> releasableTo) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new AlertState(alertId, version, AlertOrigin.LIAISON, Country.KOR, AlertType.MISSILE_LAUNCH,
                Region.SEA_OF_JAPAN, status, lifecycle, "Ballistic missile launch toward the Sea of Japan", null,
                severity, Urgency.Immediate, Certainty.Observed, null, releasableTo, List.of(Country.JPN), List.of(),
                null, now, now);
    }

    public static AlertRaised raised(String alertId, Severity severity, List<Country> releasableTo) {
        return new AlertRaised(alert(alertId, 1, severity, TrafficStatus.EXERCISE, AlertLifecycle.ACTIVE,
                releasableTo));
    }

    public static AlertUpdated updated(String alertId, long version) {
        return new AlertUpdated(alert(alertId, version, Severity.Extreme, TrafficStatus.EXERCISE,
                AlertLifecycle.ACTIVE, List.of(Country.USA, Country.KOR, Country.JPN)), List.of("severity"),
                "trajectory refined");
    }

    public static AlertCancelled cancelled(String alertId, long version) {
        return new AlertCancelled(alert(alertId, version, Severity.Extreme, TrafficStatus.EXERCISE,
                AlertLifecycle.CANCELLED, List.of(Country.USA, Country.KOR, Country.JPN)),
                new Actor("kr-liaison", Country.KOR), "sensor artefact, no launch");
    }

    /** Sends {@code payload} with CloudEvents id {@code eventId}; returns that id. */
    public static String send(EventType type, EventPayload payload, String eventId) {
        sendRaw(type.ceType(), payload.aggregateId(), Json.toBytes(payload), eventId);
        return eventId;
    }

    public static String send(EventType type, EventPayload payload) {
        return send(type, payload, UUID.randomUUID().toString());
    }

    public static void sendRaw(String ceType, String key, byte[] value, String eventId) {
        KafkaProbe.send(Topics.ALERTS, key, value, Map.of(
                CloudEvents.HEADER_ID, eventId,
                CloudEvents.HEADER_TYPE, ceType,
                CloudEvents.HEADER_SOURCE, CloudEvents.SOURCE_ALERT_INGESTION,
                CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION,
                CloudEvents.HEADER_SUBJECT, key,
                CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE));
    }
}
