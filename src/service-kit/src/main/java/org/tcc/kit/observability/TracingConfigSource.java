package org.tcc.kit.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns trace export on only when an OTLP endpoint is configured: {@code TCC_OTLP_ENDPOINT}, else the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}. Without one the OpenTelemetry SDK is disabled (spans are not exported, nothing
 * tries to reach a collector, nothing is logged about it); the trace context is still carried through the outbox and
 * the Kafka records. The protocol is {@code TCC_OTLP_PROTOCOL} or {@code OTEL_EXPORTER_OTLP_PROTOCOL}
 * ({@code grpc}, the default, or {@code http/protobuf}).
 *
 * <p>Ordinal 260: above {@code application.properties} (250), below environment variables (300), so an explicit
 * {@code QUARKUS_OTEL_*} variable still wins.
 */
public class TracingConfigSource implements ConfigSource {

    private final Map<String, String> properties;

    public TracingConfigSource() {
        this(System.getenv());
    }

    TracingConfigSource(Map<String, String> env) {
        properties = properties(env);
    }

    static Map<String, String> properties(Map<String, String> env) {
        String endpoint = first(env, "TCC_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
        Map<String, String> p = new HashMap<>();
        if (endpoint == null) {
            p.put("quarkus.otel.sdk.disabled", "true");
            return Map.copyOf(p);
        }
        p.put("quarkus.otel.sdk.disabled", "false");
        p.put("quarkus.otel.exporter.otlp.traces.endpoint", endpoint);
        String protocol = first(env, "TCC_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
        if (protocol != null) {
            p.put("quarkus.otel.exporter.otlp.traces.protocol", protocol);
        }
        return Map.copyOf(p);
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "tcc-otlp-endpoint";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
