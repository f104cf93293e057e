package org.tcc.kit.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    /** When the loop last started or finished a step (or woke up to find nothing to do). */
    private volatile long lastBeatNanos = System.nanoTime();

    /** Every worker started and not yet closed, for the liveness check. */
    private static final List<BackgroundWorker> RUNNING = new CopyOnWriteArrayList<>();

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
        RUNNING.add(worker);
        worker.thread.start();
        return worker;
    }

    /** Runs the step as soon as the worker is free; wake-ups that arrive while it runs cause one more run. */
    public void wakeUp() {
        wakeUp.release();
    }

    /** The workers of this process that were started and not closed. */
    public static List<BackgroundWorker> running() {
        return List.copyOf(RUNNING);
    }

    public String name() {
        return name;
    }

    /** Whether the worker's thread is still running its loop. */
    public boolean alive() {
        return running && thread.isAlive();
    }

    /** How long ago the loop last showed progress; a step blocked for good makes this grow without bound. */
    public Duration sinceLastBeat() {
        return Duration.ofNanos(System.nanoTime() - lastBeatNanos);
    }

    @Override
    public void close() {
        RUNNING.remove(this);
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
                lastBeatNanos = System.nanoTime();
                while (running && step.run()) {
                    // more is waiting: go on without sleeping
                    lastBeatNanos = System.nanoTime();
                }
                lastBeatNanos = System.nanoTime();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                Thread.interrupted();
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("%s: %s; retrying in %s", name, e.toString(), pollInterval);
                    lastBeatNanos = System.nanoTime();
                    pause();
                }
            }
        }
    }
}
