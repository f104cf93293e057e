package org.tcc.ingestion.service;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts what the PostgreSQL driver sends on the calling thread, from its protocol trace: statement executions
 * (a JDBC batch of n is n executions) and round trips (syncs). Hibernate's and plain JDBC's statements alike.
 */
final class JdbcStatements {

    /** What a piece of work sent to the database. */
    record Count(int executions, int roundTrips) {
    }

    private JdbcStatements() {
    }

    static <T> T count(Supplier<T> work, java.util.function.Consumer<Count> result) {
        Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        Thread me = Thread.currentThread();
        AtomicInteger executions = new AtomicInteger();
        AtomicInteger syncs = new AtomicInteger();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (Thread.currentThread() != me || record.getMessage() == null) {
                    return;
                }
                String message = record.getMessage().trim();
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
        Level before = driver.getLevel();
        boolean parents = driver.getUseParentHandlers();
        driver.setLevel(Level.FINEST);
        driver.setUseParentHandlers(false);
        driver.addHandler(handler);
        try {
            return work.get();
        } finally {
            driver.removeHandler(handler);
            driver.setUseParentHandlers(parents);
            driver.setLevel(before);
            result.accept(new Count(executions.get(), syncs.get()));
        }
    }
}
