package org.tcc.consultation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the JTA transactions begun on one thread (the transaction scope's lifecycle events), for cost figures. */
@ApplicationScoped
public class TransactionCounter {

    private volatile Thread watched;
    private final AtomicInteger begun = new AtomicInteger();

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (Thread.currentThread() == watched) {
            begun.incrementAndGet();
        }
    }

    /** Runs {@code work} on this thread; returns how many transactions it began. */
    public int count(Runnable work) {
        begun.set(0);
        watched = Thread.currentThread();
        try {
            work.run();
        } finally {
            watched = null;
        }
        return begun.get();
    }
}
