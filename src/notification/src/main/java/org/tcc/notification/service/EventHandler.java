package org.tcc.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import org.tcc.contracts.events.consultation.ConsultationAlertAdded;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ConsultationEvent;
import org.tcc.contracts.events.consultation.ConsultationState;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.Rejected;
import org.tcc.notification.domain.Audience;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Coalescing;
import org.tcc.notification.domain.EscalationPolicy;
import org.tcc.notification.domain.Notices;
import org.tcc.notification.repository.RecipientRepository;

/**
 * Decides who is told about alert and consultation events, a polled batch at a time. Each event is applied once per
 * consumer (the kit's {@code BatchConsumer} records its {@code ce_id} in the processed-message log in the same
 * transaction), and everything it plans is unique per (event, country), so redeliveries change nothing.
 */
@ApplicationScoped
public class EventHandler {

    public static final String ALERTS_CONSUMER = "notification.alerts";
    public static final String CONSULTATIONS_CONSUMER = "notification.consultations";

    /** Alert events that notify liaisons; AlertAcknowledged only feeds the escalation watches. */
    static final Set<EventType> NOTIFYING_ALERT_EVENTS = EnumSet.of(EventType.ALERT_RAISED, EventType.ALERT_UPDATED,
            EventType.ALERT_CANCELLED, EventType.ALERT_RESOLVED);

    /** Consultation events that notify the participants' liaisons. */
    static final Set<EventType> NOTIFYING_CONSULTATION_EVENTS = EnumSet.of(EventType.CONSULTATION_CONVENED,
            EventType.CONSULTATION_ALERT_ADDED, EventType.PROPOSAL_SUBMITTED, EventType.CONSULTATION_ESCALATED,
            EventType.CONSULTATION_CONCLUDED, EventType.CONSULTATION_CLOSED);

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

    /** A polled batch of alert events, in order, in the caller's transaction (duplicates already dropped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertEvents(List<Checked> batch) {
        escalations.onAlerts(batch.stream().map(c -> new Escalations.Seen(((AlertEvent) c.payload()).alert(),
                c.event().id())).toList());
        List<Trigger> triggers = new ArrayList<>(batch.size());
        for (Checked checked : batch) {
            if (NOTIFYING_ALERT_EVENTS.contains(checked.type())) {
                AlertState alert = ((AlertEvent) checked.payload()).alert();
                IncomingEvent event = checked.event();
                triggers.add(new Trigger(event.id(), event.id(), checked.type().ceType(), alert.alertId(), null,
                        Audience.ordered(alert.releasableTo(), alert.affectedCountries()), alert.affectedCountries(),
                        ChainStep.LIAISON, Notices.alert(checked.type().typeName(), alert), "event", tree(event),
                        Coalescing.digest(alert)));
            }
        }
        planner.plan(triggers);
    }

    /** A polled batch of consultation events, in order, in the caller's transaction (duplicates already dropped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onConsultationEvents(List<Checked> batch) {
        List<Trigger> triggers = new ArrayList<>(batch.size());
        for (Checked checked : batch) {
            consultationTriggers(checked, triggers);
        }
        planner.plan(triggers);
    }

    private void consultationTriggers(Checked checked, List<Trigger> triggers) {
        IncomingEvent event = checked.event();
        EventType type = checked.type();
        if (!NOTIFYING_CONSULTATION_EVENTS.contains(type)) {
            return;
        }
        ConsultationEvent payload = (ConsultationEvent) checked.payload();
        ConsultationState c = payload.consultation();
        List<Country> participants = Audience.ordered(c.participants(), List.of());
        String json = tree(event);
        if (payload instanceof ConsultationEscalated escalated && escalated.silentCountry() != null
                && participants.contains(escalated.silentCountry())) {
            Country silent = escalated.silentCountry();
            SortedSet<ChainStep> staffed = recipients.staffedSteps(silent);
            Optional<ChainStep> step = EscalationPolicy.stepForConsultationLevel(escalated.toLevel(), staffed);
            step.ifPresent(s -> triggers.add(new Trigger(event.id() + "/" + s, event.id(), type.ceType(),
                    c.alertId(), c.consultationId(), List.of(silent), List.of(silent), s,
                    Notices.consultationEscalated(c, silent, escalated.missed(), escalated.dueAt(), s), "event", json, null)));
        }
        if (payload instanceof ConsultationAlertAdded added) {
            // about the added alert, told to the participants only: exactly the countries it is releasable to
            triggers.add(new Trigger(event.id(), event.id(), type.ceType(), added.alertId(), c.consultationId(),
                    participants, List.of(), ChainStep.LIAISON, Notices.consultationAlertAdded(c, added), "event",
                    json, null));
            return;
        }
        triggers.add(new Trigger(event.id(), event.id(), type.ceType(), c.alertId(), c.consultationId(), participants,
                List.of(), ChainStep.LIAISON, Notices.consultation(type.typeName(), c), "event", json, null));
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

    /** The event's JSON as received (already parsed and checked against its schema). */
    private static String tree(IncomingEvent event) {
        return new String(event.data(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
