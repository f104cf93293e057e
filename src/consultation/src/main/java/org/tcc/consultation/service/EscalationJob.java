package org.tcc.consultation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tcc.consultation.config.ConsultationConfig;

/**
 * Looks for participants past their deadline every {@code tcc.consultation.escalation.every}. Safe with several
 * replicas: each consultation is handled in its own transaction under a {@code FOR UPDATE SKIP LOCKED} row lock,
 * and every deadline it works from is in the database, so a restart loses nothing.
 */
@ApplicationScoped
public class EscalationJob {

    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    @Inject
    ConsultationService consultations;

    @Inject
    ConsultationConfig config;

    @Scheduled(identity = "consultation-escalation", every = "${tcc.consultation.escalation.every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateOverdue() {
        Set<UUID> failed = new HashSet<>();
        for (int i = 0; i < config.escalation().batch(); i++) {
            try {
                if (!consultations.escalateNextOverdue(failed)) {
                    return;
                }
            } catch (ConsultationService.EscalationFailed e) {
                // one consultation that cannot be escalated must not hold up the others; retried next run
                LOG.errorf(e.getCause(), "%s", e.getMessage());
                failed.add(e.consultationId());
            } catch (RuntimeException e) {
                LOG.warnf("escalation run stopped: %s (retried next run)", e.toString());
                return;
            }
        }
    }
}
