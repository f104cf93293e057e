package org.tcc.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcc.contracts.audit.AuditChain;
import org.tcc.contracts.audit.ChainVerifier;
import org.tcc.consultation.config.CheckpointKeys;
import org.tcc.consultation.messaging.CheckpointLog;
import org.tcc.consultation.repository.AuditEntryEntity;
import org.tcc.consultation.repository.AuditRepository;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.consultation.ConsultationPhase;

/** Appends to the hash-chained audit log, reads it, and proves it intact and matching its signed checkpoints. */
@ApplicationScoped
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    @Inject
    AuditRepository repository;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    CheckpointLog checkpointLog;

    @Inject
    CheckpointKeys keys;

    /** What happened, by whom; {@code country} null for the service's own (policy, deadline) actions. */
    public record Action(UUID consultationId, String subject, Country country, String action,
                         ConsultationPhase before, ConsultationPhase after, Map<String, Object> details) {
    }

    /**
     * The result of checking the whole chain, in itself and against the signed checkpoints read from Kafka:
     * {@code anchoredSeq} the last entry a checkpoint vouches for, {@code unanchoredEntries} the newer ones (not yet
     * protected against a rewrite by the database owner), {@code checkpointsChecked} the genuine checkpoints,
     * {@code checkpointsRejected} records on the checkpoint topic that are not (unreadable, untrusted key, bad
     * signature), with {@code rejections} saying why.
     */
    public record Verification(boolean intact, long entriesChecked, Long headSeq, String headHash,
                               BrokenEntry firstBroken, long anchoredSeq, long unanchoredEntries,
                               int checkpointsChecked, int checkpointsRejected, List<String> rejections) {
    }

    /** The first entry that breaks the chain, why, and the checkpoint it contradicts (absent when none covers it). */
    public record BrokenEntry(long seq, String reason, ChainVerifier.CheckpointRef checkpoint) {
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

    /**
     * Walks the chain from the first entry, every link and every hash, and compares it with the signed checkpoints
     * as Kafka keeps them (read first, so a checkpoint published during the walk is not missed for entries the walk
     * has yet to reach). Throws {@link CheckpointLog.Unavailable} when the checkpoints cannot be read: without them
     * the chain could be a consistent rewrite.
     */
    @Transactional
    public Verification verify() {
        CheckpointLog.Contents anchors = checkpointLog.readAll();
        ChainVerifier verifier = new ChainVerifier(anchors.checkpoints(), keys.trusted());
        AuditRepository.Filter all = new AuditRepository.Filter(null, null, null, null);
        long after = 0;
        boolean going = true;
        while (going) {
            List<AuditEntryEntity> batch = repository.page(all, after, VERIFY_BATCH);
            for (AuditEntryEntity e : batch) {
                if (!verifier.add(entry(e), e.hash)) {
                    going = false;
                    break;
                }
                after = e.seq;
            }
            going &= batch.size() == VERIFY_BATCH;
            repository.getEntityManager().clear();
        }
        ChainVerifier.Result r = verifier.finish();
        List<String> rejections = new ArrayList<>(r.rejections());
        if (anchors.unreadable() > 0) {
            rejections.add(anchors.unreadable() + " record(s) on the checkpoint topic are not AuditCheckpoint events");
        }
        BrokenEntry broken = r.firstBroken() == null ? null
                : new BrokenEntry(r.firstBroken().seq(), r.firstBroken().reason(), r.firstBroken().checkpoint());
        return new Verification(r.intact(), r.entriesChecked(), r.headSeq(), r.headHash(), broken, r.anchoredSeq(),
                r.unanchoredEntries(), r.checkpointsChecked(), r.checkpointsRejected() + anchors.unreadable(),
                List.copyOf(rejections));
    }

    static AuditChain.Entry entry(AuditEntryEntity e) {
        return new AuditChain.Entry(e.seq, e.at, e.consultationId == null ? null : e.consultationId.toString(),
                e.subject, e.country, e.action, e.phaseBefore, e.phaseAfter, e.details, e.prevHash);
    }
}
