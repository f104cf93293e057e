package org.tcc.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.TransientRetry;
import org.tcc.notification.service.EventHandler;

/** Thin adapter: consultation events from {@code tcc.consultations.v1} (group {@code notification}) to the handler. */
@ApplicationScoped
public class ConsultationConsumer {

    @Inject
    EventHandler handler;

    @Incoming("consultations")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.of(record);
        TransientRetry.run("notifying consultation event " + event.id(), AlertConsumer.PATIENCE,
                () -> handler.onConsultationEvent(event));
    }
}
