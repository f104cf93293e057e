package org.tcc.consultation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tcc.consultation.config.CheckpointKeys;
import org.tcc.consultation.config.ConsultationConfig;
import org.tcc.consultation.repository.AuditEntryEntity;
import org.tcc.consultation.repository.AuditRepository;
import org.tcc.contracts.EventType;
import org.tcc.contracts.audit.AuditChain;
import org.tcc.contracts.audit.Checkpoints;
import org.tcc.contracts.events.audit.AuditCheckpoint;
import org.tcc.kit.outbox.Outbox;
import org.tcc.kit.worker.BackgroundWorker;

/**
 * Anchors the audit chain outside the database: a background worker signs a checkpoint of the entries not yet
 * covered, every {@code checkpoint-every} entries or once the oldest of them is {@code checkpoint-interval} old, and
 * publishes it through the outbox to {@code tcc.audit-checkpoints.v1}. Before signing it re-verifies what it signs
 * (links and hashes, continuing the previous checkpoint): a chain changed behind the service's back is never
 * vouched for; it is logged instead and left to verify to name. One replica at a time signs (an advisory lock).
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    private static final long CHECKPOINT_LOCK_KEY = 0x7CC0_A0D2L;

    @Inject
    AuditRepository repository;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CheckpointKeys keys;

    @Inject
    ConsultationConfig config;

    private BackgroundWorker worker;

    /** {@code quarkus.init-and-exit}: a migrations-only run (k8s init container), which holds no signing key. */
    @ConfigProperty(name = "quarkus.init-and-exit", defaultValue = "false")
    boolean initAndExit;

    void start(@Observes StartupEvent ignored) {
        if (initAndExit) {
            return;
        }
        keys.signing(); // no signing key, no service
        worker = BackgroundWorker.start("audit-checkpoints", config.audit().checkpointPoll(), () -> checkpoint(false));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (worker != null) {
            worker.close();
        }
    }

    /**
     * Signs one checkpoint if one is due ({@code force}: if any entry is uncovered); returns true when more entries
     * wait for one right away (a backlog larger than {@code checkpoint-max-entries}).
     */
    public boolean checkpoint(boolean force) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, CHECKPOINT_LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            Optional<AuditRepository.Link> head = repository.head();
            Optional<AuditRepository.Link> last = repository.lastCheckpoint();
            long covered = last.map(AuditRepository.Link::seq).orElse(0L);
            if (head.isEmpty() || head.get().seq() <= covered) {
                return false;
            }
            long pending = head.get().seq() - covered;
            int max = config.audit().checkpointMaxEntries();
            List<AuditEntryEntity> entries = repository.page(new AuditRepository.Filter(null, null, null, null),
                    covered, (int) Math.min(pending, max));
            if (entries.isEmpty()) {
                return false;
            }
            boolean due = force || pending >= config.audit().checkpointEvery()
                    || !entries.get(0).at.plus(config.audit().checkpointInterval()).isAfter(Instant.now());
            if (!due) {
                return false;
            }
            long previousSeq = covered;
            String previousHash = last.map(AuditRepository.Link::hash).orElse(AuditChain.GENESIS);
            List<String> hashes = new ArrayList<>(entries.size());
            for (AuditEntryEntity e : entries) {
                String broken = AuditChain.breakage(AuditLog.entry(e), e.hash, previousSeq, previousHash);
                if (broken != null) {
                    LOG.errorf("audit chain entry %d does not continue the last checkpoint (%s): not signing it; "
                            + "GET /api/v1/audit/verify names what changed", e.seq, broken);
                    return false;
                }
                hashes.add(e.hash);
                previousSeq = e.seq;
                previousHash = e.hash;
            }
            AuditCheckpoint signed = Checkpoints.sign(covered + 1, hashes, Instant.now(), keys.signing());
            repository.recordCheckpoint(signed);
            outbox.append(EventType.AUDIT_CHECKPOINT, signed);
            LOG.debugf("audit checkpoint of entries %d..%d signed", signed.firstSeq(), signed.lastSeq());
            return pending > entries.size();
        });
    }

    /** How long an entry may wait for its checkpoint at most (interval plus one poll). */
    public Duration longestUnanchored() {
        return config.audit().checkpointInterval().plus(config.audit().checkpointPoll());
    }
}
