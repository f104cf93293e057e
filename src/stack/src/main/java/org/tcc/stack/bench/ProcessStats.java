package org.tcc.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CPU time and resident memory of the stack's processes, read from /proc (Linux). */
public final class ProcessStats {

    private static final double CLOCK_TICKS = 100.0;

    /** One reading of one named process tree. */
    public record Sample(String name, double cpuSeconds, long rssKb) {
    }

    private ProcessStats() {
    }

    /**
     * Reads every process named in the stack's pid file, plus PostgreSQL (the postmaster started on
     * {@code postgresData}, detached by pg_ctl, and its backends).
     */
    public static Map<String, Sample> read(Path pidFile, Path postgresData) throws IOException {
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (String line : Files.readAllLines(pidFile)) {
            String[] parts = line.split(" ");
            if (parts.length != 2) {
                continue;
            }
            long pid = Long.parseLong(parts[1]);
            if (parts[0].equals("supervisor")) {
                // the launcher JVM itself: it also runs the SMTP/IMAP server (its children are the other processes)
                samples.put("launcher+smtp", tree("launcher+smtp", List.of(pid), false));
                continue;
            }
            samples.put(parts[0], tree(parts[0], List.of(pid), true));
        }
        String data = postgresData.toString();
        List<Long> postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(data)
                        && p.info().command().orElse("").endsWith("postgres"))
                .map(ProcessHandle::pid).toList();
        samples.put("postgresql", tree("postgresql", postmaster, true));
        samples.put("load generator", tree("load generator", List.of(ProcessHandle.current().pid()), false));
        return samples;
    }

    private static Sample tree(String name, List<Long> roots, boolean withDescendants) {
        double cpu = 0;
        long rss = 0;
        List<Long> pids = new ArrayList<>(roots);
        if (withDescendants) {
            for (long root : roots) {
                ProcessHandle.of(root).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
            }
        }
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpu += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // process gone
            }
        }
        return new Sample(name, cpu, rss);
    }
}
