package org.tcc.stack.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tcc.stack.demo.Api;
import org.tcc.stack.demo.ServerSentEvents;

/**
 * One liaison console's live stream, kept open for the whole drill: when the connection drops (the notification
 * service was killed, the database paused) it reconnects every second with {@code Last-Event-ID} = the last
 * sequence number received, with a fresh token, as a browser's EventSource would. Records how often each sequence
 * number and each source event arrived.
 */
final class StreamWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String issuer;
    private final String user;
    private final Map<Long, Integer> seqs = new ConcurrentHashMap<>();
    private final Set<String> sourceEvents = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread reader;
    private volatile long lastSeq;
    private volatile boolean open = true;
    private volatile InputStream body;

    StreamWatch(String notificationUrl, String issuer, String user, long afterSeq) {
        this.url = notificationUrl + "/api/v1/notifications/stream";
        this.issuer = issuer;
        this.user = user;
        this.lastSeq = afterSeq;
        reader = new Thread(this::run, "drill-stream-" + user);
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        while (open) {
            try {
                String token = new Api(issuer).token(user);
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                        .header("Last-Event-ID", String.valueOf(lastSeq)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IllegalStateException("stream answered " + response.statusCode());
                }
                connections.incrementAndGet();
                body = response.body();
                read(body);
            } catch (Exception e) {
                // dropped or refused: reconnect below
            }
            if (open) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void read(InputStream in) throws java.io.IOException {
        ServerSentEvents.read(in, () -> open, (id, data) -> {
            if (id != null) {
                onEvent(Long.parseLong(id.trim()), data);
            }
        });
    }

    private void onEvent(long seq, String data) {
        seqs.merge(seq, 1, Integer::sum);
        lastSeq = Math.max(lastSeq, seq);
        try {
            JsonNode json = JSON.readTree(data);
            String source = json.path("sourceEventId").asText(null);
            if (source != null) {
                sourceEvents.add(json.path("kind").asText() + "/" + source);
            }
        } catch (java.io.IOException e) {
            // counted by seq anyway
        }
    }

    String user() {
        return user;
    }

    Map<Long, Integer> seqs() {
        return Map.copyOf(seqs);
    }

    Set<String> sourceEvents() {
        return Set.copyOf(sourceEvents);
    }

    long lastSeq() {
        return lastSeq;
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        open = false;
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (java.io.IOException e) {
                // closing anyway
            }
        }
        reader.interrupt();
    }
}
