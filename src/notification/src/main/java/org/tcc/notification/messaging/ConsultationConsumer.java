package org.tcc.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.kit.messaging.Batches;
import org.tcc.kit.messaging.DeadLetters;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.notification.service.EventHandler;

/**
 * Thin adapter: consultation events from {@code tcc.consultations.v1} (group {@code notification}) to the handler, a polled
 * batch per transaction; a malformed event is dead-lettered alone.
 */
@ApplicationScoped
public class ConsultationConsumer {

    @Inject
    EventHandler handler;

    @Inject
    DeadLetters deadLetters;

    @Incoming("consultations")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) {
        Batches.process(batch, "notifying consultation events", AlertConsumer.PATIENCE, deadLetters,
                record -> handler.checkConsultationEvent(IncomingEvent.of(record)), handler::onConsultationEvents, handler::onConsultationEvent);
    }
}
