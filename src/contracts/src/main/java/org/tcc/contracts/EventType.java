package org.tcc.contracts;

import java.util.Optional;
import org.tcc.contracts.events.EventPayload;
import org.tcc.contracts.events.alert.AlertAcknowledged;
import org.tcc.contracts.events.alert.AlertCancelled;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertResolved;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.audit.AuditCheckpoint;
import org.tcc.contracts.events.consultation.ConsultationAlertAdded;
import org.tcc.contracts.events.consultation.ConsultationClosed;
import org.tcc.contracts.events.consultation.ConsultationConcluded;
import org.tcc.contracts.events.consultation.ConsultationConvened;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ParticipantJoined;
import org.tcc.contracts.events.consultation.PositionSubmitted;
import org.tcc.contracts.events.consultation.ProposalAbstained;
import org.tcc.contracts.events.consultation.ProposalApproved;
import org.tcc.contracts.events.consultation.ProposalDeclined;
import org.tcc.contracts.events.consultation.ProposalSubmitted;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.contracts.events.notification.DeliveryOutcome;

/**
 * Every event type: its CloudEvents type ({@code ce_type}), topic, payload record and JSON Schema.
 * Adding a type means adding a constant here, a schema {@code schemas/<TypeName>.v1.json} and a test sample.
 */
public enum EventType {

    MISSILE_LAUNCH_REPORTED("feed", "MissileLaunchReported", Topics.FEED_MISSILE_LAUNCH, MissileLaunchReport.class),

    ALERT_RAISED("alert", "AlertRaised", Topics.ALERTS, AlertRaised.class),
    ALERT_UPDATED("alert", "AlertUpdated", Topics.ALERTS, AlertUpdated.class),
    ALERT_ACKNOWLEDGED("alert", "AlertAcknowledged", Topics.ALERTS, AlertAcknowledged.class),
    ALERT_CANCELLED("alert", "AlertCancelled", Topics.ALERTS, AlertCancelled.class),
    ALERT_RESOLVED("alert", "AlertResolved", Topics.ALERTS, AlertResolved.class),

    CONSULTATION_CONVENED("consultation", "ConsultationConvened", Topics.CONSULTATIONS, ConsultationConvened.class),
    PARTICIPANT_JOINED("consultation", "ParticipantJoined", Topics.CONSULTATIONS, ParticipantJoined.class),
    POSITION_SUBMITTED("consultation", "PositionSubmitted", Topics.CONSULTATIONS, PositionSubmitted.class),
    PROPOSAL_SUBMITTED("consultation", "ProposalSubmitted", Topics.CONSULTATIONS, ProposalSubmitted.class),
    PROPOSAL_APPROVED("consultation", "ProposalApproved", Topics.CONSULTATIONS, ProposalApproved.class),
    PROPOSAL_DECLINED("consultation", "ProposalDeclined", Topics.CONSULTATIONS, ProposalDeclined.class),
    PROPOSAL_ABSTAINED("consultation", "ProposalAbstained", Topics.CONSULTATIONS, ProposalAbstained.class),
    CONSULTATION_ESCALATED("consultation", "ConsultationEscalated", Topics.CONSULTATIONS, ConsultationEscalated.class),
    CONSULTATION_CONCLUDED("consultation", "ConsultationConcluded", Topics.CONSULTATIONS, ConsultationConcluded.class),
    CONSULTATION_CLOSED("consultation", "ConsultationClosed", Topics.CONSULTATIONS, ConsultationClosed.class),
    CONSULTATION_ALERT_ADDED("consultation", "ConsultationAlertAdded", Topics.CONSULTATIONS,
            ConsultationAlertAdded.class),

    DELIVERY_OUTCOME("notification", "DeliveryOutcome", Topics.NOTIFICATIONS, DeliveryOutcome.class),

    AUDIT_CHECKPOINT("audit", "AuditCheckpoint", Topics.AUDIT_CHECKPOINTS, AuditCheckpoint.class);

    /** Base of the schemas' {@code $id}; maps to the classpath folder {@code schemas/}. */
    public static final String SCHEMA_ID_BASE = "https://tcc.example/schemas/";

    private final String typeName;
    private final String ceType;
    private final String topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(String area, String typeName, String topic, Class<? extends EventPayload> payloadType) {
        this.typeName = typeName;
        this.ceType = "org.tcc." + area + "." + typeName + ".v1";
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The type name without area and version, e.g. {@code AlertRaised}. */
    public String typeName() {
        return typeName;
    }

    /** The {@code ce_type} header value, e.g. {@code org.tcc.alert.AlertRaised.v1}. */
    public String ceType() {
        return ceType;
    }

    /** The topic this type is published on. */
    public String topic() {
        return topic;
    }

    /** The Java record of the payload. */
    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The classpath resource of the JSON Schema, e.g. {@code schemas/AlertRaised.v1.json}. */
    public String schemaPath() {
        return "schemas/" + typeName + ".v1.json";
    }

    /** The schema's {@code $id}, e.g. {@code https://tcc.example/schemas/AlertRaised.v1.json}. */
    public String schemaId() {
        return SCHEMA_ID_BASE + typeName + ".v1.json";
    }

    /** The {@code ce_source} of the service that produces this type. */
    public String source() {
        return switch (topic) {
            case Topics.FEED_MISSILE_LAUNCH -> CloudEvents.SOURCE_SENSOR_FEED;
            case Topics.ALERTS -> CloudEvents.SOURCE_ALERT_INGESTION;
            case Topics.CONSULTATIONS, Topics.AUDIT_CHECKPOINTS -> CloudEvents.SOURCE_CONSULTATION;
            case Topics.NOTIFICATIONS -> CloudEvents.SOURCE_NOTIFICATION;
            default -> throw new IllegalStateException("no source for topic " + topic);
        };
    }

    /** The type of a {@code ce_type} header value; empty for null or an unknown type. */
    public static Optional<EventType> fromCeType(String ceType) {
        for (EventType t : values()) {
            if (t.ceType.equals(ceType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type whose payload record is {@code payloadType}; empty when none is. */
    public static Optional<EventType> ofPayload(Class<?> payloadType) {
        for (EventType t : values()) {
            if (t.payloadType.equals(payloadType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
