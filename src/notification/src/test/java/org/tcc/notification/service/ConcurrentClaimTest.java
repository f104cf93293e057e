package org.tcc.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Notice;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;

/**
 * Two replicas polling at the same moment never claim the same delivery: {@code FOR UPDATE SKIP LOCKED} hands each
 * due row to exactly one of them. Both claims are rolled back, so nothing is sent.
 */
@QuarkusTest
class ConcurrentClaimTest {

    @Inject
    NotificationPlanner planner;

    @Inject
    DeliveryRepository deliveries;

    @Test
    void concurrentClaimsAreDisjoint() throws Exception {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String key = UUID.randomUUID().toString();
            Trigger trigger = new Trigger(key, key, EventType.ALERT_RAISED.ceType(), UUID.randomUUID().toString(),
                    null, List.of(Country.USA, Country.KOR, Country.JPN), List.of(), ChainStep.DUTY_OFFICER,
                    Notice.verbatim(Notice.Kind.ALERT, TrafficStatus.TEST, "[TEST] claim " + key, "text"), "event", null, null);
            QuarkusTransaction.requiringNew().run(() -> {
                planner.plan(trigger);
                // not due before the claims below, so this replica's own worker leaves them alone
                for (Delivery d : deliveries.list("sourceKey = ?1 and channel <> ?2", key,
                        org.tcc.contracts.events.notification.Channel.STREAM)) {
                    d.nextAttemptAt = later;
                    mine.add(d.id);
                }
            });
        }
        assertTrue(mine.size() >= 3, "e-mail deliveries of the duty officers");
        Instant due = later.plusSeconds(1);
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);

        CompletableFuture<Set<UUID>> first = CompletableFuture.supplyAsync(() -> claimAndRollBack(() -> {
            firstHolds.countDown();
            try {
                secondDone.await(30, TimeUnit.SECONDS); // keep the row locks while the other replica polls
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, due));
        while (!firstHolds.await(100, TimeUnit.MILLISECONDS)) {
            if (first.isDone()) {
                first.join(); // surfaces the first replica's failure
            }
        }
        CompletableFuture<Set<UUID>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return claimAndRollBack(() -> { }, due);
            } finally {
                secondDone.countDown();
            }
        });

        Set<UUID> a = first.get(60, TimeUnit.SECONDS);
        Set<UUID> b = second.get(60, TimeUnit.SECONDS);
        assertTrue(a.containsAll(mine), "the first replica claimed every due delivery");
        Set<UUID> overlap = new HashSet<>(a);
        overlap.retainAll(b);
        assertEquals(Set.of(), overlap, "no delivery claimed twice");
    }

    /** A claim in its own transaction, rolled back at the end: nothing of this test is ever sent. */
    private Set<UUID> claimAndRollBack(Runnable whileHoldingLocks, Instant due) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Set<UUID> ids = ids(deliveries.claimDue(due, due.plusSeconds(60), 1_000));
                whileHoldingLocks.run();
                throw new RolledBack(ids);
            });
        } catch (RolledBack claimed) {
            return claimed.ids;
        }
        throw new IllegalStateException("unreachable");
    }

    private static final class RolledBack extends RuntimeException {
        final Set<UUID> ids;

        RolledBack(Set<UUID> ids) {
            super(null, null, false, false);
            this.ids = ids;
        }
    }

    private static Set<UUID> ids(List<Delivery> claimed) {
        Set<UUID> ids = new HashSet<>();
        claimed.forEach(d -> ids.add(d.id));
        return ids;
    }
}
