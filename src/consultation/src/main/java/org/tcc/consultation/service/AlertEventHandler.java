package org.tcc.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.alert.AlertEvent;
import org.tcc.kit.inbox.ProcessedMessages;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.Rejected;

/**
 * Applies one alert event exactly once: the event id is recorded in the processed-message log in the same
 * transaction as its effect, so a redelivery (same {@code ce_id}) changes nothing.
 */
@ApplicationScoped
public class AlertEventHandler {

    public static final String CONSUMER = "consultation.alerts";

    private static final Logger LOG = Logger.getLogger(AlertEventHandler.class);

    @Inject
    ProcessedMessages processed;

    @Inject
    ConsultationService consultations;

    @Transactional
    public void handle(IncomingEvent event) {
        if (event.id() == null || event.id().isBlank()) {
            throw new Rejected("missing " + org.tcc.contracts.CloudEvents.HEADER_ID + " header");
        }
        EventType type = event.type()
                .orElseThrow(() -> new Rejected("unknown event type '" + event.ceType() + "'"));
        if (!Topics.ALERTS.equals(type.topic())) {
            throw new Rejected("event type " + type.ceType() + " does not belong on " + Topics.ALERTS);
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("alert event %s already processed: skipped", event.id());
            return;
        }
        if (event.data() == null || event.data().length == 0) {
            throw new Rejected("empty payload");
        }
        List<String> errors = SchemaValidation.validate(type, event.data());
        if (!errors.isEmpty()) {
            throw new Rejected("payload is not a valid " + type.ceType() + ": " + String.join("; ", errors));
        }
        AlertEvent alertEvent;
        try {
            alertEvent = (AlertEvent) Json.read(event.data(), type.payloadType());
        } catch (UncheckedIOException e) {
            throw new Rejected(e.getMessage());
        }
        consultations.onAlertEvent(type, alertEvent, event.id());
    }
}
