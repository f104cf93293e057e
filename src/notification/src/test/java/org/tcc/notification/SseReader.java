package org.tcc.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Reads the notification stream like a browser's EventSource would, with a real token: a JDK HttpClient line reader. */
public final class SseReader implements AutoCloseable {

    /** One SSE event. */
    public record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile java.time.Instant endedAt;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final InputStream body;
    private final int status;
    private final Thread reader;

    private SseReader(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseReader open(URI uri, String token, String lastEventId) {
        SseReader sse = new SseReader(uri, token, lastEventId);
        if (sse.status == 200) {
            try {
                if (!sse.opened.await(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("the stream sent nothing within 20 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return sse;
    }

    public int status() {
        return status;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                    opened.countDown();
                } else if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (IOException e) {
            // closed
        }
        endedAt = java.time.Instant.now();
    }

    /** The SSE comments received ({@code stream of JPN after 12}, {@code keep-alive}, {@code token expired}). */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** When the server ended the stream (or it was closed here); null while it is open. */
    public java.time.Instant endedAt() {
        return endedAt;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // gone
        }
        reader.interrupt();
    }
}
