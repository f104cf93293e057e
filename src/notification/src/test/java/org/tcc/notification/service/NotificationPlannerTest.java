package org.tcc.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.notification.DeliveryStatus;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Notice;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;

/** Exactly once by construction: replanning a source adds nothing, and the database refuses a second delivery. */
@QuarkusTest
class NotificationPlannerTest {

    @Inject
    NotificationPlanner planner;

    @Inject
    DeliveryRepository deliveries;

    @Test
    void planningTheSameSourceAgainNotifiesNobodyTwice() {
        Trigger trigger = trigger();
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> planner.plan(trigger)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> planner.plan(trigger)));
        assertEquals(1, count(trigger.sourceKey()), "kr-liaison: one EMAIL delivery (the stream needs none)");
    }

    @Test
    void theDatabaseRefusesASecondDeliveryForTheSameSourceRecipientAndChannel() {
        Trigger trigger = trigger();
        QuarkusTransaction.requiringNew().run(() -> planner.plan(trigger));
        Delivery existing = QuarkusTransaction.requiringNew().call(() ->
                deliveries.find("sourceKey", trigger.sourceKey()).firstResult());

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Delivery twin = new Delivery();
            twin.id = UUID.randomUUID();
            twin.notificationId = existing.notificationId;
            twin.sourceKey = existing.sourceKey;
            twin.recipientId = existing.recipientId;
            twin.recipientName = existing.recipientName;
            twin.country = existing.country;
            twin.channel = existing.channel;
            twin.status = DeliveryStatus.PENDING;
            twin.priority = 1;
            twin.createdAt = Instant.now();
            twin.updatedAt = twin.createdAt;
            deliveries.persist(twin);
        }));
        assertEquals(1, count(trigger.sourceKey()));
    }

    private long count(String sourceKey) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.count("sourceKey", sourceKey));
    }

    private static Trigger trigger() {
        String eventId = UUID.randomUUID().toString();
        Notice notice = Notice.verbatim(Notice.Kind.ALERT, TrafficStatus.TEST, "[TEST] planner " + eventId, "text");
        return new Trigger(eventId, eventId, EventType.ALERT_RAISED.ceType(), UUID.randomUUID().toString(), null,
                List.of(Country.KOR), List.of(), ChainStep.LIAISON, notice, "event", null, null);
    }
}
