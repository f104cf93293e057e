package org.tcc.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CPU per report: the CPU seconds a process spent during the point, over the reports completed in it. */
class ResourceUseTest {

    @Test
    void cpuPerReportPerProcessAndForTheStackWithoutTheGenerator() {
        Map<String, ProcessStats.Sample> before = samples(10.0, 4.0, 100.0, 1.0);
        Map<String, ProcessStats.Sample> after = samples(12.5, 5.0, 101.0, 4.0);
        Map<String, ResourceUse> use = ResourceUse.between(before, after, 20.0, 1_000);
        assertEquals(List.of("alert-ingestion", "notification", "postgresql", ResourceUse.GENERATOR,
                ResourceUse.STACK_TOTAL), List.copyOf(use.keySet()));
        assertEquals(2.5, use.get("alert-ingestion").cpuMsPerReport(), 1e-9, "2.5 s over 1,000 reports");
        assertEquals(0.125, use.get("alert-ingestion").coreShare(), 1e-9, "2.5 s of CPU in 20 s");
        assertEquals(1.0, use.get("notification").cpuMsPerReport(), 1e-9);
        assertEquals(3.0, use.get(ResourceUse.GENERATOR).cpuMsPerReport(), 1e-9);
        assertEquals(4.5, use.get(ResourceUse.STACK_TOTAL).cpuMsPerReport(), 1e-9,
                "2.5 + 1 + 1, the load generator's 3 left out");
        assertEquals(3 * 200, use.get(ResourceUse.STACK_TOTAL).rssMb());
    }

    @Test
    void aRestartedProcessCountsItsNewLifeAndNoReportsGiveNoFigure() {
        assertEquals(0.7, ResourceUse.cpuDelta(30.0, 0.7), 1e-9, "restarted during the point");
        assertEquals(2.0, ResourceUse.cpuDelta(30.0, 32.0), 1e-9);
        assertTrue(Double.isNaN(ResourceUse.msPerReport(1.0, 0)));
        assertEquals("-", ResourceUse.msText(Double.NaN));
        assertEquals("0.05", ResourceUse.msText(0.0512));
        assertEquals("12.3", ResourceUse.msText(12.34));
        Map<String, ProcessStats.Sample> after = new LinkedHashMap<>();
        after.put("consultation", new ProcessStats.Sample("consultation", 3.0, 1024));
        assertEquals(3.0, ResourceUse.between(Map.of(), after, 10, 1_000).get("consultation").cpuMsPerReport(), 1e-9,
                "a process first seen at the end of the point");
    }

    private static Map<String, ProcessStats.Sample> samples(double ingestion, double notification, double postgres,
                                                            double generator) {
        Map<String, ProcessStats.Sample> s = new LinkedHashMap<>();
        s.put("alert-ingestion", new ProcessStats.Sample("alert-ingestion", ingestion, 200 * 1024));
        s.put("notification", new ProcessStats.Sample("notification", notification, 200 * 1024));
        s.put("postgresql", new ProcessStats.Sample("postgresql", postgres, 200 * 1024));
        s.put(ResourceUse.GENERATOR, new ProcessStats.Sample(ResourceUse.GENERATOR, generator, 500 * 1024));
        return s;
    }
}
