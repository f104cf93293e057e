package org.tcc.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP trace receiver ({@code POST /v1/traces}, {@code application/x-protobuf}), as a collector runs it:
 * it decodes each {@code ExportTraceServiceRequest} (opentelemetry-proto, {@code trace/v1/trace.proto}) with a small
 * protobuf reader of its own and keeps every span with the {@code service.name} of its resource. Used by the
 * end-to-end test (three service processes) and by service tests that export their spans to it.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span. Kinds as in OTLP: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                        List<String> linkedTraceIds) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private volatile int requests;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Integer> sizes = new CopyOnWriteArrayList<>();

    private static OtlpReceiver shared;

    /**
     * One receiver for the whole test JVM, started on first use: a Quarkus test profile gives its {@link #endpoint()}
     * to the service under test, the test reads its {@link #spans()}.
     */
    public static synchronized OtlpReceiver shared() {
        if (shared == null) {
            try {
                shared = new OtlpReceiver();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The Quarkus settings that export a service's spans to this receiver, quickly (OTLP/HTTP, protobuf). */
    public java.util.Map<String, String> quarkusSettings() {
        return java.util.Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms");
    }

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", this::handle);
        server.start();
    }

    /** The endpoint to give the services ({@code TCC_OTLP_ENDPOINT}, protocol {@code http/protobuf}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public int requests() {
        return requests;
    }

    /** What went wrong and how large the requests were, for a failure message. */
    public String diagnostics() {
        return "request sizes " + sizes + ", undecodable " + failures;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            byte[] request = body.readAllBytes();
            sizes.add(request.length);
            try {
                java.nio.file.Path dump = java.nio.file.Path.of("target", "otlp-requests");
                java.nio.file.Files.createDirectories(dump);
                java.nio.file.Files.write(dump.resolve(sizes.size() + ".bin"), request);
            } catch (IOException ignored) {
                // diagnostics only
            }
            try {
                decodeRequest(request);
            } catch (RuntimeException e) {
                failures.add(e.toString());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            requests++;
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void decodeRequest(byte[] bytes) {
        Proto request = new Proto(bytes, 0, bytes.length);
        while (request.more()) {
            int field = request.tag();
            if (field == 1 && request.wire == 2) {
                decodeResourceSpans(request.message());
            } else {
                request.skip();
            }
        }
    }

    private void decodeResourceSpans(Proto resourceSpans) {
        String service = "?";
        List<Proto> scopes = new ArrayList<>();
        while (resourceSpans.more()) {
            int field = resourceSpans.tag();
            if (field == 1 && resourceSpans.wire == 2) {
                Proto resource = resourceSpans.message();
                while (resource.more()) {
                    if (resource.tag() == 1 && resource.wire == 2) {
                        String[] kv = keyValue(resource.message());
                        if ("service.name".equals(kv[0])) {
                            service = kv[1];
                        }
                    } else {
                        resource.skip();
                    }
                }
            } else if (field == 2 && resourceSpans.wire == 2) {
                scopes.add(resourceSpans.message());
            } else {
                resourceSpans.skip();
            }
        }
        for (Proto scope : scopes) {
            while (scope.more()) {
                if (scope.tag() == 2 && scope.wire == 2) {
                    spans.add(span(service, scope.message()));
                } else {
                    scope.skip();
                }
            }
        }
    }

    private static ReceivedSpan span(String service, Proto span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        List<String> links = new ArrayList<>();
        while (span.more()) {
            int field = span.tag();
            switch (field) {
                case 1 -> traceId = HexFormat.of().formatHex(span.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(span.bytes());
                case 4 -> parent = HexFormat.of().formatHex(span.bytes());
                case 5 -> name = new String(span.bytes(), StandardCharsets.UTF_8);
                case 6 -> kind = (int) span.varint();
                case 13 -> {
                    Proto link = span.message();
                    while (link.more()) {
                        if (link.tag() == 1 && link.wire == 2) {
                            links.add(HexFormat.of().formatHex(link.bytes()));
                        } else {
                            link.skip();
                        }
                    }
                }
                default -> span.skip();
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, links);
    }

    /** A {@code KeyValue} whose value is a string: {key, value}. */
    private static String[] keyValue(Proto kv) {
        String key = null;
        String value = null;
        while (kv.more()) {
            int field = kv.tag();
            if (field == 1 && kv.wire == 2) {
                key = new String(kv.bytes(), StandardCharsets.UTF_8);
            } else if (field == 2 && kv.wire == 2) {
                Proto any = kv.message();
                while (any.more()) {
                    if (any.tag() == 1 && any.wire == 2) {
                        value = new String(any.bytes(), StandardCharsets.UTF_8);
                    } else {
                        any.skip();
                    }
                }
            } else {
                kv.skip();
            }
        }
        return new String[] {key, value};
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A protobuf reader over one message: tags, varints, length-delimited fields. */
    private static final class Proto {
        private final byte[] buf;
        private int pos;
        private final int end;
        int wire;

        Proto(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            long tag = varint();
            wire = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf[pos++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        byte[] bytes() {
            int length = (int) varint();
            if (length < 0 || pos + length > end) {
                throw new IllegalArgumentException("length beyond the message");
            }
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return out;
        }

        Proto message() {
            int length = (int) varint();
            if (length < 0 || pos + length > end) {
                throw new IllegalArgumentException("length beyond the message");
            }
            Proto inner = new Proto(buf, pos, pos + length);
            pos += length;
            return inner;
        }

        void skip() {
            switch (wire) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int length = (int) varint(); // read first: "pos += varint()" would add to the old position
                    pos += length;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wire);
            }
        }
    }
}
