package org.tcc.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint on a random local port that answers 500 to its first {@code failures} requests, then 200. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with the status it was answered and its W3C {@code traceparent} (or null). */
    public record Request(String signature, String deliveryId, String body, int answered, long receivedAtSeconds,
                          String traceparent) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger remainingFailures;

    private WebhookReceiver(int failures) {
        remainingFailures = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status = remainingFailures.getAndDecrement() > 0 ? 500 : 200;
            requests.add(new Request(exchange.getRequestHeaders().getFirst("TCC-Signature"),
                    exchange.getRequestHeaders().getFirst("TCC-Delivery-Id"),
                    new String(body, StandardCharsets.UTF_8), status, System.currentTimeMillis() / 1000,
                    exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver failingFirst(int failures) {
        return new WebhookReceiver(failures);
    }

    public static WebhookReceiver accepting() {
        return new WebhookReceiver(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsContaining(String text) {
        return requests.stream().filter(r -> r.body().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
