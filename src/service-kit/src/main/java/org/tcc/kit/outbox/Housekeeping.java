package org.tcc.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.tcc.kit.inbox.ProcessedMessages;
import org.tcc.kit.messaging.ConsumerConfig;
import org.tcc.kit.worker.BackgroundWorker;

/**
 * Keeps the kit's two logs bounded: published outbox events older than {@code tcc.outbox.retention} and processed
 * message ids older than {@code tcc.consumer.processed-retention} are deleted, a chunk per transaction, so neither
 * table grows with the traffic the service has ever seen.
 */
@ApplicationScoped
public class Housekeeping {

    private static final int CHUNK = 5_000;

    @Inject
    EntityManager em;

    @Inject
    ProcessedMessages processed;

    @Inject
    OutboxConfig outbox;

    @Inject
    ConsumerConfig consumers;

    private BackgroundWorker worker;

    void start(@Observes StartupEvent ignored) {
        worker = BackgroundWorker.start("housekeeping", outbox.housekeepingInterval(), this::sweep);
    }

    void stop(@Observes ShutdownEvent ignored) {
        worker.close();
    }

    /** Deletes one chunk of each log; {@code true} while a chunk was full (more to delete). */
    boolean sweep() {
        Instant now = Instant.now();
        int events = QuarkusTransaction.requiringNew().call(() -> forgetPublished(now.minus(outbox.retention())));
        int ids = QuarkusTransaction.requiringNew().call(
                () -> processed.forgetOlderThan(now.minus(consumers.processedRetention()), CHUNK));
        return events == CHUNK || ids == CHUNK;
    }

    int forgetPublished(Instant cutoff) {
        return em.createNativeQuery("""
                        DELETE FROM outbox_event WHERE id IN (
                          SELECT id FROM outbox_event WHERE published_at < ?1 ORDER BY id LIMIT ?2)""")
                .setParameter(1, cutoff).setParameter(2, CHUNK).executeUpdate();
    }

}
