package org.tcc.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.kit.messaging.Batches;
import org.tcc.kit.messaging.DeadLetters;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.notification.service.EventHandler;

/**
 * Thin adapter: alert events from {@code tcc.alerts.v1} (group {@code notification}) to the handler, a polled
 * batch per transaction; a malformed event is dead-lettered alone.
 */
@ApplicationScoped
public class AlertConsumer {

    static final Duration PATIENCE = Duration.ofMinutes(2);

    @Inject
    EventHandler handler;

    @Inject
    DeadLetters deadLetters;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) {
        Batches.process(batch, "notifying alert events", PATIENCE, deadLetters,
                record -> handler.checkAlertEvent(IncomingEvent.of(record)), handler::onAlertEvents, handler::onAlertEvent);
    }
}
