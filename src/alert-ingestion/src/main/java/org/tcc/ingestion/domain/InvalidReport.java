package org.tcc.ingestion.domain;

import java.util.List;

/** A report that is not valid: each problem names its field ({@code $.launchPoint.lat: ...}). */
public final class InvalidReport extends RuntimeException {

    private final List<String> problems;

    public InvalidReport(List<String> problems) {
        super("invalid report: " + String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
