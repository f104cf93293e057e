package org.tcc.ingestion.config;

import com.nimbusds.jose.jwk.ECKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.Provider;
import java.util.Map;
import java.util.Optional;
import org.tcc.contracts.Country;
import org.tcc.ingestion.domain.ReportAuthenticity;

/**
 * Prints the CPU time of one ES256 verification of a ~600-byte report with each provider (a harness, not a test):
 * {@code java -cp <test classpath> org.tcc.ingestion.config.VerificationCost [verifies]}.
 */
public final class VerificationCost {

    private VerificationCost() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ECKey key = SignedPayloads.key("jp-fps5-sado");
        byte[] payload = SignedPayloads.report("jp-fps5-sado");
        String signature = SignedPayloads.sign(key, payload);
        System.out.printf("java %s, payload %d bytes, %d verifies after %d warm-up%n",
                System.getProperty("java.version"), payload.length, n, n / 2);
        for (Provider provider : new Provider[] {Es256Provider.fallback(), Es256Provider.nativeOrFallback()}) {
            ReportAuthenticity authenticity = new ReportAuthenticity(id -> Optional.ofNullable(
                    Map.of("jp-fps5-sado", SignedPayloads.sensor(key, Country.JPN)).get(id)), provider);
            run(authenticity, payload, signature, n / 2);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            run(authenticity, payload, signature, n);
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n;
            double wallMs = (System.nanoTime() - wall) / 1e6 / n;
            System.out.printf("%-30s CPU %.4f ms/verify  (wall %.4f ms)%n",
                    provider.getName() + " " + provider.getVersionStr(), cpuMs, wallMs);
        }
    }

    private static void run(ReportAuthenticity authenticity, byte[] payload, String signature, int n) {
        for (int i = 0; i < n; i++) {
            authenticity.verify(payload, signature);
        }
    }
}
