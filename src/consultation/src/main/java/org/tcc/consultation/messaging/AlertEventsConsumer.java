package org.tcc.consultation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.consultation.config.ConsultationConfig;
import org.tcc.consultation.service.AlertEventHandler;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.TransientRetry;

/**
 * Thin adapter from {@code tcc.alerts.v1} to the transactional handler. A record is acknowledged once handled; one
 * that can never be handled is nacked and moved to {@code tcc.alerts.v1.dlq} with the reason, and consumption
 * carries on.
 */
@ApplicationScoped
public class AlertEventsConsumer {

    @Inject
    AlertEventHandler handler;

    @Inject
    ConsultationConfig config;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.of(record);
        TransientRetry.run("alert event " + event.id(), config.consumer().retryPatience(),
                () -> handler.handle(event));
    }
}
