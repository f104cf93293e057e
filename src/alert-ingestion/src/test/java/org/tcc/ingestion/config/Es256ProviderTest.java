package org.tcc.ingestion.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcc.contracts.Country;
import org.tcc.ingestion.domain.ReportAuthenticity;

/**
 * Whichever provider verifies signatures (ACCP where its native library loads, SunEC otherwise), a genuine report
 * passes and a forged one fails.
 */
class Es256ProviderTest {

    private static final ECKey SADO = SignedPayloads.key("jp-fps5-sado");
    private static final ECKey IMPOSTOR = SignedPayloads.key("jp-fps5-sado");

    static Stream<Provider> providers() {
        return Stream.of(Es256Provider.nativeOrFallback(), Es256Provider.fallback());
    }

    private static ReportAuthenticity authenticity(Provider provider) {
        return new ReportAuthenticity(id -> Optional.ofNullable(
                Map.of("jp-fps5-sado", SignedPayloads.sensor(SADO, Country.JPN)).get(id)), provider);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void genuineReportPassesAndForgedOnesFail(Provider provider) {
        ReportAuthenticity authenticity = authenticity(provider);
        byte[] payload = SignedPayloads.report("jp-fps5-sado");
        String signature = SignedPayloads.sign(SADO, payload);

        assertEquals("jp-fps5-sado", authenticity.verify(payload, signature).sensorId(), provider.getName());
        byte[] altered = new String(payload, StandardCharsets.UTF_8).replace("\"confidence\":0.8",
                "\"confidence\":0.9").getBytes(StandardCharsets.UTF_8);
        assertEquals(false, java.util.Arrays.equals(payload, altered), "the test alters the payload");
        assertForged(() -> authenticity.verify(altered, signature));
        assertForged(() -> authenticity.verify(payload, SignedPayloads.sign(IMPOSTOR, payload)));
        // a genuine signature with one bit of S flipped
        String[] parts = signature.split("\\.");
        byte[] sig = java.util.Base64.getUrlDecoder().decode(parts[2]);
        sig[sig.length - 1] ^= 1;
        String flipped = parts[0] + ".." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        assertForged(() -> authenticity.verify(payload, flipped));
    }

    @Test
    void theFallbackIsTheJdksOwnProvider() {
        Provider fallback = Es256Provider.fallback();
        assertEquals("SunEC", fallback.getName());
        assertSame(fallback, authenticity(fallback).provider());
        assertNotNull(Es256Provider.nativeOrFallback(), "some provider always verifies");
        System.out.println("ES256 providers under test: " + Es256Provider.nativeOrFallback().getName() + " "
                + Es256Provider.nativeOrFallback().getVersionStr() + ", fallback " + fallback.getName());
    }

    private static void assertForged(Runnable verification) {
        ReportAuthenticity.NotAuthentic e = assertThrows(ReportAuthenticity.NotAuthentic.class, verification::run);
        assertEquals(ReportAuthenticity.Failure.FORGED, e.failure(), e.getMessage());
    }
}
