package org.tcc.contracts.events.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.EventPayload;

/**
 * The outcome of delivering one source event to one recipient over one channel.
 *
 * @param deliveryId the Kafka key; one delivery = (source event, recipient, channel)
 * @param sourceEventId {@code ce_id} of the alert or consultation event being delivered
 * @param sourceEventType {@code ce_type} of that event
 * @param alertId optional
 * @param consultationId optional
 * @param country the recipient's country
 * @param attempts attempts made so far
 * @param error optional: the last failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryOutcome(
        String deliveryId,
        String sourceEventId,
        String sourceEventType,
        String alertId,
        String consultationId,
        Country country,
        String recipient,
        Channel channel,
        DeliveryStatus status,
        int attempts,
        Instant at,
        String error) implements EventPayload {

    /** The Kafka key: {@code deliveryId}. */
    @Override
    public String aggregateId() {
        return deliveryId;
    }
}
