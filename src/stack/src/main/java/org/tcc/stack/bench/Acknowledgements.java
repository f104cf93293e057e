package org.tcc.stack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.tcc.contracts.Country;

/**
 * The liaisons' acknowledgements during the benchmark. Severe and Extreme alerts start acknowledgement escalations
 * after two minutes (duty officer, then senior official, on stream and e-mail), so a benchmark that never
 * acknowledges measures its points with a growing escalation load beside them. Here each country's liaison
 * acknowledges a share of the alerts its stream raised in the point, a delay after it saw them, with its own
 * token ({@code POST /api/v1/alerts/{id}/acknowledgements}), off the measurement's critical path: one dispatcher
 * thread, rate-limited, a bounded number of requests in flight. Whatever is still queued when a point settles is
 * abandoned (and counted), so one point's acknowledgements never load the next.
 */
final class Acknowledgements implements AutoCloseable {

    /** Most acknowledgements queued at once; beyond it they are dropped (and counted as abandoned). */
    static final int MAX_QUEUED = 200_000;

    /** One point's acknowledgements: chosen, answered 2xx, refused or failed, abandoned unsent. */
    record Tally(long selected, long acknowledged, long failed, long abandoned, String firstFailure) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "acknowledgements: %d chosen, %d acknowledged, %d failed,"
                    + " %d abandoned%s", selected, acknowledged, failed, abandoned,
                    firstFailure == null ? "" : " (first failure: " + firstFailure + ")");
        }
    }

    private record Due(Country country, String alertId, long dueNanos, boolean retry) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Due) o).dueNanos);
        }
    }

    private final String ingestion;
    private final Function<Country, String> freshToken;
    private final double share;
    private final long delayNanos;
    private final long intervalNanos;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final DelayQueue<Due> queue = new DelayQueue<>();
    private final Map<Country, String> tokens = new ConcurrentHashMap<>();
    private final Map<Country, Long> raisedThisPoint = new EnumMap<>(Country.class);
    private final AtomicLong selected = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private volatile String firstFailure;
    private volatile boolean running = true;
    private final Thread dispatcher;

    /**
     * @param freshToken a new bearer token of the country's liaison (called at first use and after a 401)
     * @param maxPerSecond at most this many requests started per second
     */
    Acknowledgements(String ingestionUrl, Function<Country, String> freshToken, double share, long delayMillis,
                     int maxPerSecond, int maxInFlight) {
        this.ingestion = ingestionUrl;
        this.freshToken = freshToken;
        this.share = share;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        this.intervalNanos = 1_000_000_000L / Math.max(1, maxPerSecond);
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        dispatcher = new Thread(this::dispatch, "acknowledgements");
        dispatcher.setDaemon(true);
        if (share > 0) {
            dispatcher.start();
        }
    }

    /**
     * Whether the {@code k}-th alert (from 0) a country's stream raised in a point is acknowledged: exactly
     * {@code floor(n * share)} of the first {@code n}, spread evenly (share 0.5: every second one).
     */
    static boolean selects(long k, double share) {
        if (share >= 1) {
            return true;
        }
        if (share <= 0) {
            return false;
        }
        return (long) Math.floor((k + 1) * share) > (long) Math.floor(k * share);
    }

    /** The country's stream raised {@code alertId} (first sighting): acknowledge it later if it is chosen. */
    void raised(Country country, String alertId) {
        if (share <= 0 || alertId == null) {
            return;
        }
        long k;
        synchronized (raisedThisPoint) {
            k = raisedThisPoint.merge(country, 1L, Long::sum) - 1;
        }
        if (!selects(k, share)) {
            return;
        }
        selected.incrementAndGet();
        if (queue.size() >= MAX_QUEUED) {
            abandoned.incrementAndGet();
            return;
        }
        queue.add(new Due(country, alertId, System.nanoTime() + delayNanos, false));
    }

    /** A new point: the share counts from its first alert. */
    void startPoint() {
        synchronized (raisedThisPoint) {
            raisedThisPoint.clear();
        }
    }

    /**
     * Waits up to {@code patience} for every queued acknowledgement to be answered, abandons the rest, waits for
     * the requests in flight, and returns the point's tally (the counters start again at zero).
     */
    Tally settle(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while ((!queue.isEmpty() || inFlight.availablePermits() < maxInFlight) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (Object d : queue.toArray()) {
            if (queue.remove(d)) {
                abandoned.incrementAndGet();
            }
        }
        if (inFlight.tryAcquire(maxInFlight, 15, TimeUnit.SECONDS)) {
            inFlight.release(maxInFlight);
        }
        Tally tally = new Tally(selected.getAndSet(0), acknowledged.getAndSet(0), failed.getAndSet(0),
                abandoned.getAndSet(0), firstFailure);
        firstFailure = null;
        return tally;
    }

    private void dispatch() {
        long nextStart = System.nanoTime();
        while (running) {
            Due due;
            try {
                due = queue.poll(100, TimeUnit.MILLISECONDS);
                if (due == null) {
                    continue;
                }
                long now;
                while ((now = System.nanoTime()) < nextStart) {
                    LockSupport.parkNanos(nextStart - now);
                }
                nextStart = Math.max(now, nextStart) + intervalNanos;
                inFlight.acquire();
            } catch (InterruptedException e) {
                return;
            }
            send(due);
        }
    }

    private void send(Due due) {
        String token;
        try {
            token = tokens.computeIfAbsent(due.country(), freshToken);
        } catch (RuntimeException e) {
            fail(due, "no token for " + due.country() + "'s liaison: " + e.getMessage());
            inFlight.release();
            return;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(ingestion + "/api/v1/alerts/" + due.alertId()
                            + "/acknowledgements"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        } catch (IllegalArgumentException e) {
            fail(due, "not an alert id: " + e.getMessage());
            inFlight.release();
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            try {
                if (error != null) {
                    fail(due, error.toString());
                } else if (response.statusCode() / 100 == 2) {
                    acknowledged.incrementAndGet();
                } else if (response.statusCode() == 401 && !due.retry()) {
                    tokens.remove(due.country(), token);
                    queue.add(new Due(due.country(), due.alertId(), System.nanoTime(), true));
                } else {
                    fail(due, response.statusCode() + " " + abbreviate(response.body()));
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private void fail(Due due, String why) {
        failed.incrementAndGet();
        if (firstFailure == null) {
            firstFailure = due.country() + " alert " + due.alertId() + ": " + why;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
    }
}
