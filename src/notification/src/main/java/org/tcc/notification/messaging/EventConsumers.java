package org.tcc.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.kit.messaging.BatchConsumer;
import org.tcc.kit.messaging.BatchHandler;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.notification.service.EventHandler;

/**
 * Thin adapters: alert events from {@code tcc.alerts.v1} and consultation events from {@code tcc.consultations.v1}
 * (group {@code notification}) to the handler, a polled batch per transaction through the kit's one consumer path;
 * a malformed event is dead-lettered alone.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventHandler handler;

    @Inject
    BatchConsumer consumer;

    private BatchHandler<EventHandler.Checked> alerts;
    private BatchHandler<EventHandler.Checked> consultations;

    @PostConstruct
    void init() {
        alerts = BatchHandler.of(EventHandler.ALERTS_CONSUMER, r -> handler.checkAlertEvent(IncomingEvent.of(r)),
                checked -> checked.event().id(), handler::onAlertEvents);
        consultations = BatchHandler.of(EventHandler.CONSULTATIONS_CONSUMER,
                r -> handler.checkConsultationEvent(IncomingEvent.of(r)), checked -> checked.event().id(),
                handler::onConsultationEvents);
    }

    @Incoming("alerts")
    @Blocking
    public void alerts(ConsumerRecords<String, byte[]> batch) {
        consumer.consume(batch, alerts);
    }

    @Incoming("consultations")
    @Blocking
    public void consultations(ConsumerRecords<String, byte[]> batch) {
        consumer.consume(batch, consultations);
    }
}
