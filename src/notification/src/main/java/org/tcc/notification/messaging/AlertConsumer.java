package org.tcc.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.kit.messaging.BatchConsumer;
import org.tcc.kit.messaging.BatchHandler;
import org.tcc.kit.messaging.IncomingEvent;
import org.tcc.notification.service.EventHandler;

/**
 * Thin adapter: alert events from {@code tcc.alerts.v1} (group {@code notification}) to the handler, a polled batch
 * per transaction through the kit's one consumer path; a malformed event is dead-lettered alone.
 */
@ApplicationScoped
public class AlertConsumer implements BatchHandler<EventHandler.Checked> {

    @Inject
    EventHandler handler;

    @Inject
    BatchConsumer consumer;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) {
        consumer.consume(batch, this);
    }

    @Override
    public String consumerId() {
        return EventHandler.ALERTS_CONSUMER;
    }

    @Override
    public EventHandler.Checked check(ConsumerRecord<String, byte[]> record) {
        return handler.checkAlertEvent(IncomingEvent.of(record));
    }

    @Override
    public String eventId(EventHandler.Checked checked) {
        return checked.event().id();
    }

    @Override
    public void apply(List<EventHandler.Checked> fresh) {
        handler.onAlertEvents(fresh);
    }
}
