package org.tcc.stack.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The readable record of the scenario: when, who, what, and the measured latency of each hop. */
public final class Timeline {

    /** One line of the timeline. */
    public record Entry(Instant at, String who, String what, Duration latency) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final PrintStream out;

    public Timeline(PrintStream out) {
        this.out = out;
    }

    public synchronized void step(String title) {
        out.println();
        out.println("== " + title);
    }

    public synchronized void record(String who, String what, Duration latency) {
        Entry entry = new Entry(Instant.now(), who, what, latency);
        entries.add(entry);
        out.printf("  %s  %-12s %-78s %s%n", LocalTime.ofInstant(entry.at(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                who, what, latency == null ? "" : "(" + latency.toMillis() + " ms)");
    }

    public synchronized void record(String who, String what) {
        record(who, what, null);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
