package org.tcc.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcc.consultation.domain.AuditChain;
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

    /** Appends one entry, chained to the last committed one; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntryEntity append(Action a) {
        repository.lockChain();
        AuditEntryEntity head = repository.head().orElse(null);
        AuditEntryEntity e = new AuditEntryEntity();
        e.seq = head == null ? 1 : head.seq + 1;
        e.prevHash = head == null ? AuditChain.GENESIS : head.hash;
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
        repository.flush();
        return e;
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
