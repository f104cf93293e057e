package org.tcc.kit.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The one background loop of every TCC service (outbox relay, live streams, deliveries, housekeeping): a daemon
 * thread that runs a step when woken ({@link #wakeUp()}, typically right after a commit) and otherwise every poll
 * interval, again at once while the step says more is waiting, and carries on after a failure (logged, then the
 * next poll). State lives in the database, so a step that dies half-way is simply run again.
 */
public final class BackgroundWorker implements AutoCloseable {

    /** One pass of the worker; returns {@code true} when more work is waiting (run again without sleeping). */
    @FunctionalInterface
    public interface Step {
        boolean run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(BackgroundWorker.class);

    private final String name;
    private final Duration pollInterval;
    private final Step step;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    private BackgroundWorker(String name, Duration pollInterval, Step step) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.step = step;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /** Starts a worker named {@code name} (the thread's name, also used in its log lines). */
    public static BackgroundWorker start(String name, Duration pollInterval, Step step) {
        BackgroundWorker worker = new BackgroundWorker(name, pollInterval, step);
        worker.thread.start();
        return worker;
    }

    /** Runs the step as soon as the worker is free; wake-ups that arrive while it runs cause one more run. */
    public void wakeUp() {
        wakeUp.release();
    }

    @Override
    public void close() {
        running = false;
        wakeUp.release();
        thread.interrupt();
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && step.run()) {
                    // more is waiting: go on without sleeping
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                Thread.interrupted();
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("%s: %s; retrying in %s", name, e.toString(), pollInterval);
                    pause();
                }
            }
        }
    }
}
