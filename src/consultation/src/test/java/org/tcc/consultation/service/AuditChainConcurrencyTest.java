package org.tcc.consultation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tcc.testsupport.DriverTrace;
import org.tcc.consultation.repository.AuditEntryEntity;

/**
 * Two transactions appending several audit entries each at the same time (as the alert consumer and a liaison's
 * action do): the chain stays linear and gapless, and each transaction's entries are consecutive in it (one lock
 * per transaction, the head read once and extended in memory).
 */
@QuarkusTest
class AuditChainConcurrencyTest {

    static final int PER_TRANSACTION = 6;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    private boolean someoneWaitsForAnAdvisoryLock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").getSingleResult())
                .longValue() > 0);
    }

    @Test
    void concurrentTransactionsEachAppendARunOfEntriesAndTheChainStaysIntact() throws Exception {
        String subject = "audit-race-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            // the first transaction takes the chain's lock with its first entry and goes on only once the second
            // is seen waiting for that lock: their appends are certain to overlap in time
            CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
            for (String who : List.of("first", "second")) {
                boolean first = who.equals("first");
                runs.add(pool.submit(() -> {
                    start.await();
                    if (!first) {
                        firstHoldsTheLock.await();
                    }
                    return QuarkusTransaction.requiringNew().call(() -> {
                        List<Long> seqs = new ArrayList<>();
                        for (int i = 0; i < PER_TRANSACTION; i++) {
                            AuditEntryEntity e = audit.append(new AuditLog.Action(null, subject, null, "CLOSE",
                                    null, null, Map.of("writer", who, "n", i)));
                            seqs.add(e.seq);
                            if (first && i == 0) {
                                firstHoldsTheLock.countDown();
                                Awaitility.await("the second transaction waits for the chain's lock")
                                        .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                                        .until(this::someoneWaitsForAnAdvisoryLock);
                            }
                        }
                        return seqs;
                    });
                }));
            }
            start.countDown();
            List<Long> first = runs.get(0).get(60, TimeUnit.SECONDS);
            List<Long> second = runs.get(1).get(60, TimeUnit.SECONDS);
            assertConsecutive(first);
            assertConsecutive(second);
            assertTrue(first.get(0) > second.get(PER_TRANSACTION - 1) || second.get(0) > first.get(PER_TRANSACTION - 1),
                    "one transaction's run follows the other's: " + first + " " + second);
        } finally {
            pool.shutdownNow();
        }

        AuditLog.Verification verification = audit.verify();
        assertTrue(verification.intact(), "first broken: " + verification.firstBroken());
        long written = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_entry WHERE subject = ?1").setParameter(1, subject).getSingleResult())
                .longValue());
        assertEquals(2L * PER_TRANSACTION, written);
        assertTrue(verification.entriesChecked() >= 2L * PER_TRANSACTION);
    }

    @Test
    void aRolledBackTransactionLeavesNoGap() {
        String subject = "audit-rollback-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                audit.append(new AuditLog.Action(null, subject, null, "CLOSE", null, null, Map.of("n", 1)));
                audit.append(new AuditLog.Action(null, subject, null, "CLOSE", null, null, Map.of("n", 2)));
                throw new IllegalStateException("the use case fails after appending");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        QuarkusTransaction.requiringNew().run(() ->
                audit.append(new AuditLog.Action(null, subject, null, "CLOSE", null, null, Map.of("n", 3))));
        long written = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_entry WHERE subject = ?1").setParameter(1, subject).getSingleResult())
                .longValue());
        assertEquals(1, written, "the rolled-back entries are gone");
        AuditLog.Verification verification = audit.verify();
        assertTrue(verification.intact(), "first broken: " + verification.firstBroken());
    }

    @Test
    void aTransactionsEntriesCostOneLockOneHeadReadAndOneBatchInsert() {
        String subject = "audit-batch-" + UUID.randomUUID();
        DriverTrace.Cost one = DriverTrace.of(() -> appendInOneTransaction(subject, 1));
        DriverTrace.Cost twenty = DriverTrace.of(() -> appendInOneTransaction(subject, 20));
        System.out.printf("audit: 1 entry in a transaction: %d statement executions; 20 entries: %d%n",
                one.executions(), twenty.executions());
        // the driver sends 20 batched rows as at most a few multi-row INSERTs: no lock, head read or flush per entry
        assertTrue(twenty.executions() - one.executions() <= 3, one + " vs " + twenty);
        assertTrue(audit.verify().intact());
    }

    private void appendInOneTransaction(String subject, int entries) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < entries; i++) {
                audit.append(new AuditLog.Action(null, subject, null, "CLOSE", null, null, Map.of("n", i)));
            }
        });
    }

    private static void assertConsecutive(List<Long> seqs) {
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "a transaction's entries are consecutive: " + seqs);
        }
    }
}
