package org.tcc.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.kit.messaging.TransientRetry;
import org.tcc.notification.service.EventHandler;

/** Thin adapter: alert events from {@code tcc.alerts.v1} (group {@code notification}) to the handler. */
@ApplicationScoped
public class AlertConsumer {

    static final Duration PATIENCE = Duration.ofMinutes(2);

    @Inject
    EventHandler handler;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.of(record);
        TransientRetry.run("notifying alert event " + event.id(), PATIENCE, () -> handler.onAlertEvent(event));
    }
}
