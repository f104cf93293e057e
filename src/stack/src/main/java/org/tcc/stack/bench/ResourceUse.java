package org.tcc.stack.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each process spent during a point, from two {@link ProcessStats} readings: CPU share of one core, resident
 * memory at the end, and CPU per report completed. The per-report figure is the one that compares across
 * machines and runs: it does not depend on how long the point lasted or how many cores there are.
 */
record ResourceUse(String name, double cpuSeconds, double coreShare, long rssMb, double cpuMsPerReport) {

    /** Name of the sum over the stack's processes (everything but the load generator). */
    static final String STACK_TOTAL = "stack total";
    static final String GENERATOR = "load generator";

    /**
     * Per process, in the order of {@code after}, then {@link #STACK_TOTAL}. A process that restarted during the
     * point (less CPU time after than before) counts its new life only. With no report completed, the per-report
     * figure is NaN.
     */
    static Map<String, ResourceUse> between(Map<String, ProcessStats.Sample> before,
                                            Map<String, ProcessStats.Sample> after, double elapsedSeconds,
                                            long reports) {
        Map<String, ResourceUse> use = new LinkedHashMap<>();
        double totalCpu = 0;
        long totalRss = 0;
        for (ProcessStats.Sample a : after.values()) {
            ProcessStats.Sample b = before.get(a.name());
            double cpu = cpuDelta(b == null ? 0 : b.cpuSeconds(), a.cpuSeconds());
            use.put(a.name(), of(a.name(), cpu, elapsedSeconds, a.rssKb() / 1024, reports));
            if (!a.name().equals(GENERATOR)) {
                totalCpu += cpu;
                totalRss += a.rssKb() / 1024;
            }
        }
        use.put(STACK_TOTAL, of(STACK_TOTAL, totalCpu, elapsedSeconds, totalRss, reports));
        return use;
    }

    static double cpuDelta(double before, double after) {
        return after >= before ? after - before : after;
    }

    static double msPerReport(double cpuSeconds, long reports) {
        return reports <= 0 ? Double.NaN : cpuSeconds * 1000 / reports;
    }

    private static ResourceUse of(String name, double cpu, double elapsed, long rssMb, long reports) {
        return new ResourceUse(name, cpu, elapsed <= 0 ? 0 : cpu / elapsed, rssMb, msPerReport(cpu, reports));
    }

    /** "12% / 180 MB / 0.42 ms" */
    String describe() {
        return String.format(java.util.Locale.ROOT, "%.0f%% / %d MB / %s ms", 100 * coreShare, rssMb,
                msText(cpuMsPerReport));
    }

    static String msText(double ms) {
        return Double.isNaN(ms) ? "-" : ms >= 10 ? String.format(java.util.Locale.ROOT, "%.1f", ms)
                : String.format(java.util.Locale.ROOT, "%.2f", ms);
    }
}
