package org.tcc.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcc.contracts.audit.AuditChain;
import org.tcc.consultation.repository.AuditEntryEntity;
import org.tcc.consultation.repository.AuditRepository;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.consultation.ConsultationPhase;

/** Appends to the hash-chained audit log, reads it, and proves it intact. */
@ApplicationScoped
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    @Inject
    AuditRepository repository;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** What happened, by whom; {@code country} null for the service's own (policy, deadline) actions. */
    public record Action(UUID consultationId, String subject, Country country, String action,
                         ConsultationPhase before, ConsultationPhase after, Map<String, Object> details) {
    }

    /** The result of checking the whole chain. */
    public record Verification(boolean intact, long entriesChecked, Long headSeq, String headHash,
                               BrokenEntry firstBroken) {
    }

    public record BrokenEntry(long seq, String reason) {
    }

    /**
     * Appends one entry in the caller's transaction, chained to the one before it. The transaction's first append
     * flushes its pending changes (so its row locks are taken before the chain's lock, in every transaction: no
     * deadlock with the escalation job or a liaison's action), takes the chain's lock until commit and reads the head
     * once; later appends of the same transaction chain in memory from there, and all of its entries are inserted
     * together, in one JDBC batch, when the transaction flushes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntryEntity append(Action a) {
        Head head = headOfThisTransaction();
        AuditEntryEntity e = new AuditEntryEntity();
        e.seq = head.seq + 1;
        e.prevHash = head.hash;
        e.at = AuditChain.truncate(Instant.now());
        e.consultationId = a.consultationId();
        e.subject = a.subject();
        e.country = a.country() == null ? null : a.country().name();
        e.action = a.action();
        e.phaseBefore = a.before() == null ? null : a.before().name();
        e.phaseAfter = a.after() == null ? null : a.after().name();
        e.details = new String(Json.toBytes(a.details()), StandardCharsets.UTF_8);
        e.hash = AuditChain.hash(entry(e));
        repository.persist(e);
        head.seq = e.seq;
        head.hash = e.hash;
        return e;
    }

    /** Appends the entries in order, in the caller's transaction (nothing, and no lock, when there are none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Action> actions) {
        for (Action a : actions) {
            append(a);
        }
    }

    /** The chain's head as the current transaction has extended it: one per transaction, kept with it. */
    private static final class Head {
        long seq;
        String hash;

        Head(long seq, String hash) {
            this.seq = seq;
            this.hash = hash;
        }
    }

    /** The key of the current transaction's {@link Head} in the transaction's resources. */
    private static final Object HEAD = new Object() {
        @Override
        public String toString() {
            return "audit chain head";
        }
    };

    private Head headOfThisTransaction() {
        Head head = (Head) transaction.getResource(HEAD);
        if (head == null) {
            repository.flush();
            repository.lockChain();
            head = repository.head().map(link -> new Head(link.seq(), link.hash()))
                    .orElseGet(() -> new Head(0, AuditChain.GENESIS));
            transaction.putResource(HEAD, head);
        }
        return head;
    }

    @Transactional
    public List<AuditEntryEntity> page(AuditRepository.Filter filter, long after, int limit) {
        return repository.page(filter, after, limit);
    }

    /** Walks the chain from the first entry: every link and every hash. */
    @Transactional
    public Verification verify() {
        long previousSeq = 0;
        String previousHash = AuditChain.GENESIS;
        long checked = 0;
        AuditRepository.Filter all = new AuditRepository.Filter(null, null, null, null);
        while (true) {
            List<AuditEntryEntity> batch = repository.page(all, previousSeq, VERIFY_BATCH);
            if (batch.isEmpty()) {
                return new Verification(true, checked, checked == 0 ? null : previousSeq,
                        checked == 0 ? null : previousHash, null);
            }
            for (AuditEntryEntity e : batch) {
                String broken = AuditChain.breakage(entry(e), e.hash, previousSeq, previousHash);
                if (broken != null) {
                    return new Verification(false, checked, null, null, new BrokenEntry(e.seq, broken));
                }
                previousSeq = e.seq;
                previousHash = e.hash;
                checked++;
            }
            repository.getEntityManager().clear();
        }
    }

    static AuditChain.Entry entry(AuditEntryEntity e) {
        return new AuditChain.Entry(e.seq, e.at, e.consultationId == null ? null : e.consultationId.toString(),
                e.subject, e.country, e.action, e.phaseBefore, e.phaseAfter, e.details, e.prevHash);
    }
}
