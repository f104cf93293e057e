package org.tcc.kit.rest;

import jakarta.persistence.OptimisticLockException;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;

/**
 * Runs a REST action whose transaction may lose an optimistic-lock race (two countries acknowledging one alert at the
 * same moment, a sensor report refining it meanwhile). Each attempt is its own transaction on freshly loaded state,
 * so the domain rules judge the action again against what won: a retry never applies an action that is no longer
 * allowed. Only a race lost {@code attempts} times becomes {@code conflict} (a 409).
 */
public final class ConcurrentChanges {

    private ConcurrentChanges() {
    }

    public static <T> T retry(int attempts, Supplier<T> action, Supplier<? extends RuntimeException> conflict) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (OptimisticLockException | StaleStateException e) {
                if (attempt >= attempts) {
                    throw conflict.get();
                }
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof OptimisticLockException
                        || e.getCause() instanceof StaleStateException) || attempt >= attempts) {
                    throw e;
                }
            }
        }
    }
}
