package org.tcc.consultation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcc.consultation.service.AlertEventHandler;
import org.tcc.consultation.service.ReceivedAlertEvent;
import org.tcc.kit.messaging.BatchConsumer;
import org.tcc.kit.messaging.BatchHandler;
import org.tcc.kit.messaging.IncomingEvent;

/**
 * Thin adapter: alert events from {@code tcc.alerts.v1} (group {@code consultation}) to the handler, a polled batch
 * per transaction through the kit's one consumer path; an event that can never be applied is dead-lettered alone to
 * {@code tcc.alerts.v1.dlq} with its reason, and the others are applied.
 */
@ApplicationScoped
public class AlertEventsConsumer implements BatchHandler<ReceivedAlertEvent> {

    @Inject
    AlertEventHandler handler;

    @Inject
    BatchConsumer consumer;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> batch) {
        consumer.consume(batch, this);
    }

    @Override
    public String consumerId() {
        return AlertEventHandler.CONSUMER;
    }

    @Override
    public ReceivedAlertEvent check(ConsumerRecord<String, byte[]> record) {
        return handler.check(IncomingEvent.of(record));
    }

    @Override
    public String eventId(ReceivedAlertEvent checked) {
        return checked.eventId();
    }

    @Override
    public void apply(List<ReceivedAlertEvent> fresh) {
        handler.apply(fresh);
    }
}
