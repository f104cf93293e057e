package org.tcc.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The benchmark names the ES256 provider of the latest start of alert ingestion. */
class RunConditionsTest {

    @Test
    void theLastProviderLineOfTheLogCounts() {
        assertEquals("ES256 verification provider: SunEC (JDK 17)", RunConditions.lastProviderLine(Stream.of(
                "2026-12-01 10:00:00 INFO [org.tcc] ES256 verification provider: ACCP 2.5.0",
                "2026-12-01 10:00:01 INFO started",
                "2026-12-01 11:00:00 INFO [org.tcc] ES256 verification provider: SunEC (JDK 17)  ",
                "2026-12-01 11:00:01 INFO started")));
        assertEquals("not logged", RunConditions.lastProviderLine(Stream.of("INFO started")));
    }

    @Test
    void providerFromAJsonLogLineEndsWithTheMessage() {
        assertEquals("ES256 verification provider: AmazonCorrettoCryptoProvider 2.5.0",
                RunConditions.lastProviderLine(Stream.of("{\"timestamp\":\"2026-12-01T17:00:00Z\",\"level\":\"INFO\","
                        + "\"message\":\"ES256 verification provider: AmazonCorrettoCryptoProvider 2.5.0\","
                        + "\"threadName\":\"main\",\"mdc\":{},\"service\":\"alert-ingestion\"}")));
    }
}
