package org.tcc.kit.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context ({@code traceparent}, version 00) as the TCC services carry it: in a column of the row that
 * causes later work (an outbox event, a stream entry) and on Kafka records, as the W3C header {@code traceparent} and
 * the CloudEvents distributed-tracing extension {@code ce_traceparent}. Written and read here without the SDK's
 * propagators, so the context travels even where the SDK is disabled (no exporter configured).
 */
public final class TraceContext {

    /** The W3C header on Kafka records (the producer span of the hop that published the record). */
    public static final String HEADER = "traceparent";
    /** The CloudEvents distributed-tracing extension in binary mode: where the event was created. */
    public static final String CE_HEADER = "ce_traceparent";
    /** The CloudEvents extension attribute's name. */
    public static final String CE_EXTENSION = "traceparent";

    private TraceContext() {
    }

    /** The {@code traceparent} of the span current on this thread, or {@code null} when there is none. */
    public static String current() {
        return format(Span.current().getSpanContext());
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or {@code null} for an invalid (absent) span context. */
    public static String format(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** A remote parent from a {@code traceparent}; {@link Context#root()} when it is absent or malformed. */
    public static Context parse(String traceparent) {
        if (traceparent == null || traceparent.length() != 55 || traceparent.charAt(2) != '-'
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return Context.root();
        }
        String traceId = traceparent.substring(3, 35);
        String spanId = traceparent.substring(36, 52);
        byte flags;
        try {
            flags = (byte) Integer.parseInt(traceparent.substring(53, 55), 16);
        } catch (NumberFormatException e) {
            return Context.root();
        }
        SpanContext span = SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.fromByte(flags),
                TraceState.getDefault());
        return span.isValid() ? Context.root().with(Span.wrap(span)) : Context.root();
    }

    /** The parent a consumer continues: the record's {@code traceparent}, else its {@code ce_traceparent}. */
    public static Context of(Headers headers) {
        String value = header(headers, HEADER);
        if (value == null) {
            value = header(headers, CE_HEADER);
        }
        return parse(value);
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
