package org.tcc.stack.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A liaison console's live notification stream (Server-Sent Events), read in the background. The service ends a
 * stream when the token that opened it expires: with a token supplier, the stream then reconnects with a fresh token
 * and {@code Last-Event-ID}, as a console would, and misses nothing.
 */
public final class LiveStream implements AutoCloseable {

    /** One received event with the time it arrived. */
    public record Received(String id, String data, Instant at) {
    }

    private final List<Received> received = new ArrayList<>();
    private final Consumer<Received> listener;
    private final Thread reader;
    private volatile boolean open = true;
    private volatile String failure;
    private volatile String lastId;

    public LiveStream(String url, String token, String who) {
        this(url, token, who, null);
    }

    /** With a {@code listener}, each event goes to it as it arrives (on the reader thread) and is not kept. */
    public LiveStream(String url, String token, String who, Consumer<Received> listener) {
        this(url, () -> token, who, listener);
    }

    /** Asks {@code tokens} for a token at each (re)connection; otherwise as above. */
    public LiveStream(String url, Supplier<String> tokens, String who, Consumer<Received> listener) {
        this.listener = listener;
        reader = new Thread(() -> read(url, tokens), "stream-" + who);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(String url, Supplier<String> tokens) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            while (open) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + tokens.get()).header("Accept", "text/event-stream");
                if (lastId != null) {
                    request.header("Last-Event-ID", lastId);
                }
                HttpResponse<java.io.InputStream> response = http.send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    failure = "stream answered " + response.statusCode();
                    return;
                }
                ServerSentEvents.read(response.body(), () -> open, (id, data) -> {
                    if (id != null) {
                        lastId = id;
                    }
                    arrived(new Received(id, data, Instant.now()));
                });
                // the service ended the stream (its token expired): reconnect where it stopped
            }
        } catch (Exception e) {
            if (open) {
                failure = e.toString();
            }
        }
    }

    private void arrived(Received event) {
        if (listener != null) {
            listener.accept(event);
            return;
        }
        synchronized (received) {
            received.add(event);
            received.notifyAll();
        }
    }

    /** Waits for an event matching {@code match}; returns it, or fails after {@code timeout}. */
    public Received await(Predicate<Received> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (match.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || failure != null) {
                    throw new ScenarioFailure("no " + what + " within " + timeout
                            + (failure == null ? "" : " (" + failure + ")"));
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ScenarioFailure("interrupted");
                }
            }
        }
    }

    public List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        open = false;
        reader.interrupt();
    }
}
