package org.tcc.kit.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.tcc.kit.worker.BackgroundWorker;

/**
 * Liveness of the background workers of this process (outbox relay, live streams, delivery worker, housekeeping,
 * backlog sampler): each worker's thread is alive and has shown progress within {@code tcc.health.worker-stall-limit}.
 * The data names each worker and the seconds since its last progress.
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {

    @Inject
    HealthConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tcc background workers").up();
        for (BackgroundWorker worker : BackgroundWorker.running()) {
            long quiet = worker.sinceLastBeat().toSeconds();
            boolean ok = worker.alive() && worker.sinceLastBeat().compareTo(config.workerStallLimit()) < 0;
            response.withData(worker.name(), ok ? "UP (" + quiet + " s since progress)"
                    : (worker.alive() ? "STALLED for " + quiet + " s" : "DEAD"));
            if (!ok) {
                response.down();
            }
        }
        return response.build();
    }
}
