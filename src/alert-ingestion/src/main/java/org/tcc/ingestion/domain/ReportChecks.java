package org.tcc.ingestion.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.contracts.events.feed.TrackPoint;

/** Rules a schema cannot express: times must be plausible. Returns the problems, each naming its field. */
public final class ReportChecks {

    private final Duration maxFutureSkew;
    private final Duration maxAge;

    public ReportChecks(Duration maxFutureSkew, Duration maxAge) {
        this.maxFutureSkew = maxFutureSkew;
        this.maxAge = maxAge;
    }

    public List<String> problems(MissileLaunchReport report, Instant now) {
        List<String> problems = new ArrayList<>();
        if (report.detectedAt().isAfter(now.plus(maxFutureSkew))) {
            problems.add("$.detectedAt: is in the future (more than " + maxFutureSkew.toSeconds() + " s ahead)");
        }
        if (report.detectedAt().isBefore(now.minus(maxAge))) {
            problems.add("$.detectedAt: is older than " + maxAge.toHours() + " h");
        }
        List<TrackPoint> track = report.track() == null ? List.of() : report.track();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).t().isAfter(now.plus(maxFutureSkew))) {
                problems.add("$.track[" + i + "].t: is in the future");
            }
            if (i > 0 && track.get(i).t().isBefore(track.get(i - 1).t())) {
                problems.add("$.track[" + i + "].t: is earlier than the previous point");
            }
        }
        return problems;
    }
}
