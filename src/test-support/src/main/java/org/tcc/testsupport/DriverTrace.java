package org.tcc.testsupport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the PostgreSQL driver sends from the calling thread while some work runs, read from its protocol trace:
 * statement executions (a JDBC batch of n counts n; BEGIN and COMMIT count too) and round trips (syncs).
 * It sees Hibernate's statements and plain JDBC alike, so a cost per event or report can be printed before and after.
 */
public final class DriverTrace {

    /** What one piece of work cost the database. */
    public record Cost(int executions, int roundTrips) {
    }

    private DriverTrace() {
    }

    public static Cost of(Runnable work) {
        Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        Thread caller = Thread.currentThread();
        AtomicInteger executions = new AtomicInteger();
        AtomicInteger syncs = new AtomicInteger();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (Thread.currentThread() != caller || message == null) {
                    return;
                }
                message = message.trim();
                if (message.startsWith("FE=> Execute")) {
                    executions.incrementAndGet();
                } else if (message.startsWith("FE=> Sync")) {
                    syncs.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = driver.getLevel();
        boolean parents = driver.getUseParentHandlers();
        driver.setLevel(Level.FINEST);
        driver.setUseParentHandlers(false);
        driver.addHandler(counter);
        try {
            work.run();
        } finally {
            driver.removeHandler(counter);
            driver.setUseParentHandlers(parents);
            driver.setLevel(level);
        }
        return new Cost(executions.get(), syncs.get());
    }
}
