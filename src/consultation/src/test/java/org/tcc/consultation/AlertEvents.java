package org.tcc.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * Alerts made by the helpers that name no crisis are each a crisis of their own: raised in the past, a day apart
     * from one another (far more than the crisis window), so they never join another test's consultation.
     */
    private static final Instant OWN_CRISES_FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final AtomicLong OWN_CRISES = new AtomicLong();
    private static final Map<String, Instant> RAISED_AT = new ConcurrentHashMap<>();

    /** The {@code raisedAt} of an alert that is a crisis of its own (the same for every version of it). */
    public static Instant ownCrisis(String alertId) {
        return RAISED_AT.computeIfAbsent(alertId,
                id -> OWN_CRISES_FROM.plus(Duration.ofDays(OWN_CRISES.incrementAndGet())));
    }

    /** A crisis: alerts of one type, region and traffic status, raised around {@code at}. */
    public record Crisis(AlertType type, Region region, TrafficStatus status, Instant at) {
    }

    /** A fresh crisis of its own for a test (its own point in time, a day apart from every other). */
    public static Crisis crisis(AlertType type, Region region, TrafficStatus status) {
        return new Crisis(type, region, status, ownCrisis(UUID.randomUUID().toString()));
    }

    public static AlertState alert(String alertId, long version, Severity severity, TrafficStatus status,
                                   AlertLifecycle lifecycle, List<Country> releasableTo) {
        return alert(new Crisis(AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, status, ownCrisis(alertId)), alertId,
                version, severity, lifecycle, releasableTo, 0);
    }

    /** An alert of {@code crisis}, raised {@code secondsLater} after the crisis' point in time. */
    public static AlertState alert(Crisis crisis, String alertId, long version, Severity severity,
                                   AlertLifecycle lifecycle, List<Country> releasableTo, long secondsLater) {
        Instant raised = crisis.at().plusSeconds(secondsLater);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new AlertState(alertId, version, AlertOrigin.LIAISON, Country.KOR, crisis.type(), crisis.region(),
                crisis.status(), lifecycle, "Ballistic missile launch toward the Sea of Japan", null,
                severity, Urgency.Immediate, Certainty.Observed, null, releasableTo, List.of(Country.JPN), List.of(),
                null, raised, now.isBefore(raised) ? raised : now);
    }

    public static AlertRaised raised(Crisis crisis, String alertId, Severity severity, List<Country> releasableTo,
                                     long secondsLater) {
        return new AlertRaised(alert(crisis, alertId, 1, severity, AlertLifecycle.ACTIVE, releasableTo,
                secondsLater));
    }

    public static AlertUpdated updated(Crisis crisis, String alertId, long version, long secondsLater) {
        return new AlertUpdated(alert(crisis, alertId, version, Severity.Extreme, AlertLifecycle.ACTIVE,
                List.of(Country.USA, Country.KOR, Country.JPN), secondsLater), List.of("severity"),
                "trajectory refined");
    }

    public static AlertCancelled cancelled(Crisis crisis, String alertId, long version, long secondsLater) {
        return new AlertCancelled(alert(crisis, alertId, version, Severity.Extreme, AlertLifecycle.CANCELLED,
                List.of(Country.USA, Country.KOR, Country.JPN), secondsLater), new Actor("kr-liaison", Country.KOR),
                "sensor artefact, no launch");
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
