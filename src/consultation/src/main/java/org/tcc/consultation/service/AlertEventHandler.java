package org.tcc.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.List;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.alert.AlertEvent;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.Rejected;

/**
 * Alert events in two steps: {@link #check} reads one without the database and rejects what can never be applied;
 * {@link #apply} applies a polled batch in the caller's transaction, where the kit has already recorded the event ids
 * as processed (so a redelivery changes nothing) and dropped the duplicates.
 */
@ApplicationScoped
public class AlertEventHandler {

    /** The consumer's name in the processed-message log. */
    public static final String CONSUMER = "consultation.alerts";

    @Inject
    ConsultationService consultations;

    /** Reads and checks one event; {@link Rejected} (with the reason) when it can never be applied. */
    public ReceivedAlertEvent check(IncomingEvent event) {
        if (event.id() == null || event.id().isBlank()) {
            throw new Rejected("missing " + CloudEvents.HEADER_ID + " header");
        }
        EventType type = event.type()
                .orElseThrow(() -> new Rejected("unknown event type '" + event.ceType() + "'"));
        if (!Topics.ALERTS.equals(type.topic())) {
            throw new Rejected("event type " + type.ceType() + " does not belong on " + Topics.ALERTS);
        }
        if (event.data() == null || event.data().length == 0) {
            throw new Rejected("empty payload");
        }
        List<String> errors = SchemaValidation.validate(type, event.data());
        if (!errors.isEmpty()) {
            throw new Rejected("payload is not a valid " + type.ceType() + ": " + String.join("; ", errors));
        }
        try {
            return new ReceivedAlertEvent(event.id(), type, (AlertEvent) Json.read(event.data(), type.payloadType()));
        } catch (UncheckedIOException e) {
            throw new Rejected(e.getMessage());
        }
    }

    /** Applies a batch of new events in order, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<ReceivedAlertEvent> batch) {
        consultations.onAlertEvents(batch);
    }
}
