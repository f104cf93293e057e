package org.tcc.kit.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trace export is on only with an OTLP endpoint; TCC_* wins over the standard OTEL_* variables. */
class TracingConfigSourceTest {

    @Test
    void withoutAnEndpointTheSdkIsOffAndNothingIsExported() {
        Map<String, String> p = TracingConfigSource.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "));
        assertEquals(Map.of("quarkus.otel.sdk.disabled", "true"), p);
    }

    @Test
    void theStandardVariableTurnsExportOn() {
        Map<String, String> p = TracingConfigSource.properties(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
        assertEquals("false", p.get("quarkus.otel.sdk.disabled"));
        assertEquals("http://collector:4317", p.get("quarkus.otel.exporter.otlp.traces.endpoint"));
        assertFalse(p.containsKey("quarkus.otel.exporter.otlp.traces.protocol"), "Quarkus' default protocol");
    }

    @Test
    void tccVariablesWinOverTheStandardOnes() {
        Map<String, String> p = TracingConfigSource.properties(Map.of(
                "TCC_OTLP_ENDPOINT", "http://tcc-collector:4318", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://other:4317",
                "TCC_OTLP_PROTOCOL", "http/protobuf", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
        assertEquals("http://tcc-collector:4318", p.get("quarkus.otel.exporter.otlp.traces.endpoint"));
        assertEquals("http/protobuf", p.get("quarkus.otel.exporter.otlp.traces.protocol"));
    }

    @Test
    void deadLetterReasonsMakeBoundedLabels() {
        assertEquals("FORGED", KitMetrics.reasonLabel("FORGED: forged report: signature does not verify for 'x'"));
        assertEquals("unknown ce_type", KitMetrics.reasonLabel("unknown ce_type 'org.example.Foo.v1'"));
        assertEquals("event id longer than characters", KitMetrics.reasonLabel("event id longer than 256 characters"));
        assertEquals("unknown", KitMetrics.reasonLabel(null));
        assertEquals(48, KitMetrics.reasonLabel("x".repeat(300)).length());
    }
}
