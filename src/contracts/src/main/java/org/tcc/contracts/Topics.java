package org.tcc.contracts;

import java.util.List;

/**
 * Kafka topic names. Every record's key is the id of the aggregate it is about, so all events of one
 * aggregate land in one partition and keep their order.
 */
public final class Topics {

    /** Missile-launch reports from sensor feeds. Key: {@code sensorId}. */
    public static final String FEED_MISSILE_LAUNCH = "tcc.feed.missile-launch.v1";
    /** Alert lifecycle events. Key: {@code alertId}. */
    public static final String ALERTS = "tcc.alerts.v1";
    /** Consultation lifecycle events. Key: {@code consultationId}. */
    public static final String CONSULTATIONS = "tcc.consultations.v1";
    /** Notification delivery outcomes. Key: {@code deliveryId}. */
    public static final String NOTIFICATIONS = "tcc.notifications.v1";

    /**
     * Signed checkpoints of the consultation audit chain ({@code AuditCheckpoint}), written only by consultation,
     * kept forever (retention unlimited, one partition: publication order is the order of the record). Key: the
     * chain ({@code consultation-audit-log}). Not a consumer input: no dead-letter twin.
     */
    public static final String AUDIT_CHECKPOINTS = "tcc.audit-checkpoints.v1";

    /** The four main topics. */
    public static final List<String> ALL = List.of(FEED_MISSILE_LAUNCH, ALERTS, CONSULTATIONS, NOTIFICATIONS);

    /** The main topics followed by their dead-letter twins (8 names). */
    public static final List<String> ALL_WITH_DLQ = List.of(
            FEED_MISSILE_LAUNCH, ALERTS, CONSULTATIONS, NOTIFICATIONS,
            deadLetter(FEED_MISSILE_LAUNCH), deadLetter(ALERTS), deadLetter(CONSULTATIONS), deadLetter(NOTIFICATIONS));

    private Topics() {
    }

    /**
     * The dead-letter topic of {@code topic}: {@code topic + ".dlq"}. It receives the original record (same key,
     * value and headers) that a consumer could not process, with the reason in headers.
     */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
