package org.tcc.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.events.EventPayload;
import org.tcc.contracts.events.alert.AlertEvent;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ConsultationEvent;
import org.tcc.contracts.events.consultation.ConsultationState;
import org.tcc.kit.inbox.ProcessedMessages;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.Rejected;
import org.tcc.notification.domain.Audience;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.EscalationPolicy;
import org.tcc.notification.domain.Notices;
import org.tcc.notification.repository.RecipientRepository;

/**
 * Decides who is told about alert and consultation events. Each event is applied once per consumer (its
 * {@code ce_id} is recorded in the processed-message log in the same transaction), and everything it plans is
 * unique per (event, recipient, channel), so redeliveries change nothing.
 */
@ApplicationScoped
public class EventHandler {

    public static final String ALERTS_CONSUMER = "notification-alerts";
    public static final String CONSULTATIONS_CONSUMER = "notification-consultations";

    /** Alert events that notify liaisons; AlertAcknowledged only feeds the escalation watches. */
    static final Set<EventType> NOTIFYING_ALERT_EVENTS = EnumSet.of(EventType.ALERT_RAISED, EventType.ALERT_UPDATED,
            EventType.ALERT_CANCELLED, EventType.ALERT_RESOLVED);

    /** Consultation events that notify the participants' liaisons. */
    static final Set<EventType> NOTIFYING_CONSULTATION_EVENTS = EnumSet.of(EventType.CONSULTATION_CONVENED,
            EventType.PROPOSAL_SUBMITTED, EventType.CONSULTATION_ESCALATED, EventType.CONSULTATION_CONCLUDED,
            EventType.CONSULTATION_CLOSED);

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    ProcessedMessages processed;

    @Inject
    NotificationPlanner planner;

    @Inject
    Escalations escalations;

    @Inject
    RecipientRepository recipients;

    /** An event that passed the checks: well-formed, of a known type that belongs on its topic. */
    public record Checked(IncomingEvent event, EventType type, EventPayload payload) {
    }

    /**
     * Checks an alert event without touching the database.
     *
     * @throws Rejected when it can never be processed (it goes to the dead-letter topic)
     */
    public Checked checkAlertEvent(IncomingEvent event) {
        EventType type = accept(event, org.tcc.contracts.Topics.ALERTS);
        return new Checked(event, type, read(event, type));
    }

    /** Checks a consultation event without touching the database. */
    public Checked checkConsultationEvent(IncomingEvent event) {
        EventType type = accept(event, org.tcc.contracts.Topics.CONSULTATIONS);
        return new Checked(event, type, read(event, type));
    }

    @Transactional
    public void onAlertEvent(Checked checked) {
        applyAlertEvent(checked);
    }

    /** A polled batch of alert events in one transaction, in order. */
    @Transactional
    public void onAlertEvents(List<Checked> batch) {
        applyInOrder(batch, this::applyAlertEvent);
    }

    @Transactional
    public void onConsultationEvent(Checked checked) {
        applyConsultationEvent(checked);
    }

    /** A polled batch of consultation events in one transaction, in order. */
    @Transactional
    public void onConsultationEvents(List<Checked> batch) {
        applyInOrder(batch, this::applyConsultationEvent);
    }

    /**
     * Applies a batch under all three stream locks, taken first in the planners' one order. After each event, what
     * it planned is written and those entities are forgotten: later events do not need them, and every query's
     * automatic flush would otherwise re-check all of them (quadratic in the batch size).
     */
    private void applyInOrder(List<Checked> batch, java.util.function.Consumer<Checked> apply) {
        planner.lockAllStreams();
        for (Checked checked : batch) {
            apply.accept(checked);
            em.flush();
            em.clear();
        }
    }

    private void applyAlertEvent(Checked checked) {
        IncomingEvent event = checked.event();
        EventType type = checked.type();
        AlertState alert = ((AlertEvent) checked.payload()).alert();
        if (!processed.firstDelivery(ALERTS_CONSUMER, event.id())) {
            return;
        }
        escalations.onAlert(alert);
        if (NOTIFYING_ALERT_EVENTS.contains(type)) {
            planner.plan(new Trigger(event.id(), event.id(), type.ceType(), alert.alertId(), null,
                    Audience.ordered(alert.releasableTo(), alert.affectedCountries()), alert.affectedCountries(),
                    ChainStep.LIAISON, Notices.alert(type.typeName(), alert), "event", tree(event)));
        }
    }

    private void applyConsultationEvent(Checked checked) {
        IncomingEvent event = checked.event();
        EventType type = checked.type();
        ConsultationEvent payload = (ConsultationEvent) checked.payload();
        ConsultationState c = payload.consultation();
        if (!processed.firstDelivery(CONSULTATIONS_CONSUMER, event.id())) {
            return;
        }
        if (!NOTIFYING_CONSULTATION_EVENTS.contains(type)) {
            return;
        }
        List<Country> participants = Audience.ordered(c.participants(), List.of());
        JsonNode json = tree(event);
        if (payload instanceof ConsultationEscalated escalated && escalated.silentCountry() != null
                && participants.contains(escalated.silentCountry())) {
            Country silent = escalated.silentCountry();
            SortedSet<ChainStep> staffed = recipients.staffedSteps(silent);
            Optional<ChainStep> step = EscalationPolicy.stepForConsultationLevel(escalated.toLevel(), staffed);
            step.ifPresent(s -> planner.plan(new Trigger(event.id() + "/" + s, event.id(), type.ceType(),
                    c.alertId(), c.consultationId(), List.of(silent), List.of(silent), s,
                    Notices.consultationEscalated(c, silent, escalated.missed(), s), "event", json)));
        }
        planner.plan(new Trigger(event.id(), event.id(), type.ceType(), c.alertId(), c.consultationId(), participants,
                List.of(), ChainStep.LIAISON, Notices.consultation(type.typeName(), c), "event", json));
    }

    /** The event's type, when it is a well-formed event of {@code topic}; otherwise it is rejected (dead-lettered). */
    private static EventType accept(IncomingEvent event, String topic) {
        if (event.id() == null || event.id().isBlank()) {
            throw new Rejected("missing ce_id header");
        }
        EventType type = event.type().orElseThrow(() -> new Rejected("unknown ce_type '" + event.ceType() + "'"));
        if (!type.topic().equals(topic)) {
            throw new Rejected("ce_type " + type.ceType() + " does not belong on " + topic);
        }
        if (event.data() == null) {
            throw new Rejected("empty record value");
        }
        List<String> errors = SchemaValidation.validate(type, event.data());
        if (!errors.isEmpty()) {
            throw new Rejected("payload does not match " + type.schemaPath() + ": " + String.join("; ", errors));
        }
        return type;
    }

    private static EventPayload read(IncomingEvent event, EventType type) {
        try {
            return Json.read(event.data(), type.payloadType());
        } catch (UncheckedIOException e) {
            throw new Rejected(e.getMessage());
        }
    }

    private static JsonNode tree(IncomingEvent event) {
        try {
            return Json.mapper().readTree(event.data());
        } catch (java.io.IOException e) {
            throw new Rejected("unreadable JSON: " + e.getMessage());
        }
    }
}
