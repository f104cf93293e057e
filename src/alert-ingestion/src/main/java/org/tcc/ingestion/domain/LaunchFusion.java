package org.tcc.ingestion.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.contracts.events.feed.TrackPoint;

/**
 * Decides which tracked launch a sensor report describes, and fuses a launch's reports into one estimate.
 *
 * <p>A report joins a launch when every available clue agrees: same traffic status (an exercise never merges
 * with a real launch), detection within the time window, launch points within the distance gate, predicted
 * impact points within the impact gate (when both have one) and tracks that stay close (when both have one). Of
 * the launches that pass, the closest wins. The impact and track gates are what keep a salvo apart: missiles
 * launched seconds apart from nearby sites still fly to different places, so each becomes its own alert.
 *
 * <p>One alert per missile: a launch holds at most one live report per sensor. A report that names the same
 * sensor's earlier report in {@code correctsReportId}, or carries the same sensor track number ({@code trackId}),
 * refines that report's launch whatever its new impact prediction (the launch gate still applies), and supersedes
 * it. Any other report of a sensor that already reports a launch is a different object (the next missile of a
 * salvo from the same site, say) and never joins it; reports of other sensors still fuse by the gates.
 *
 * <p>The estimate depends only on the set of reports, never on their order.
 */
public final class LaunchFusion {

    /** The gates; the defaults match the configuration's. */
    public record Gates(double launchDistanceKm, Duration window, double impactDistanceKm, double trackDistanceKm) {

        public static Gates defaults() {
            return new Gates(50, Duration.ofSeconds(120), 150, 75);
        }
    }

    /** A launch being tracked: the alert raised for it and the reports fused into it so far, in arrival order. */
    public record TrackedLaunch(String alertId, List<MissileLaunchReport> reports) {

        public TrackedLaunch {
            reports = List.copyOf(reports);
        }

        public LaunchEstimate estimate() {
            return LaunchFusion.estimate(reports);
        }
    }

    private final Gates gates;

    public LaunchFusion(Gates gates) {
        this.gates = gates;
    }

    /** The tracked launch {@code report} belongs to, or empty when it is a new launch. */
    public Optional<TrackedLaunch> match(MissileLaunchReport report, Collection<TrackedLaunch> launches) {
        return launches.stream()
                .map(launch -> new Candidate(launch, score(report, launch)))
                .filter(candidate -> candidate.score() >= 0)
                .min(Comparator.comparingDouble(Candidate::score)
                        .thenComparing(candidate -> candidate.launch().alertId()))
                .map(Candidate::launch);
    }

    private record Candidate(TrackedLaunch launch, double score) {
    }

    /** A distance-like score (lower is closer), or -1 when a gate rejects the pairing. */
    double score(MissileLaunchReport report, TrackedLaunch launch) {
        if (launch.reports().isEmpty() || launch.reports().get(0).status() != report.status()) {
            return -1;
        }
        LaunchEstimate estimate = launch.estimate();
        double seconds = Math.abs(Duration.between(estimate.detectedAt(), report.detectedAt()).toMillis()) / 1000.0;
        if (seconds > gates.window().toSeconds()) {
            return -1;
        }
        double launchKm = Geo.distanceKm(estimate.launchPoint(), report.launchPoint());
        if (launchKm > gates.launchDistanceKm()) {
            return -1;
        }
        if (isCorrection(report, launch) || isSameTrack(report, launch)) {
            return 0;
        }
        if (launch.reports().stream().anyMatch(earlier -> earlier.sensorId().equals(report.sensorId()))) {
            return -1; // the sensor already reports this launch: a new report of it that refines nothing is another object
        }
        double score = launchKm / gates.launchDistanceKm() + seconds / gates.window().toSeconds();
        if (estimate.predictedImpactPoint() != null && report.predictedImpactPoint() != null) {
            double impactKm = Geo.distanceKm(estimate.predictedImpactPoint(), report.predictedImpactPoint());
            if (impactKm > gates.impactDistanceKm()) {
                return -1;
            }
            score += impactKm / gates.impactDistanceKm();
        }
        List<TrackPoint> known = launch.reports().stream().flatMap(r -> track(r).stream()).toList();
        if (!known.isEmpty() && !track(report).isEmpty()) {
            double trackKm = meanTrackDistanceKm(track(report), known);
            if (trackKm > gates.trackDistanceKm()) {
                return -1;
            }
            score += trackKm / gates.trackDistanceKm();
        }
        return score;
    }

    /** The report corrects one of this launch's reports by the same sensor. */
    static boolean isCorrection(MissileLaunchReport report, TrackedLaunch launch) {
        return report.correctsReportId() != null && launch.reports().stream().anyMatch(earlier ->
                earlier.sensorId().equals(report.sensorId()) && earlier.reportId().equals(report.correctsReportId()));
    }

    /** The report continues the track on which the same sensor reported this launch (its own track number). */
    static boolean isSameTrack(MissileLaunchReport report, TrackedLaunch launch) {
        return report.trackId() != null && launch.reports().stream().anyMatch(earlier ->
                earlier.sensorId().equals(report.sensorId()) && report.trackId().equals(earlier.trackId()));
    }

    /** For each point of {@code track}, the distance to the point of {@code reference} closest in time; averaged. */
    static double meanTrackDistanceKm(List<TrackPoint> track, List<TrackPoint> reference) {
        double sum = 0;
        for (TrackPoint point : track) {
            TrackPoint nearest = reference.stream()
                    .min(Comparator.comparingLong((TrackPoint r) -> Math.abs(Duration.between(r.t(), point.t())
                            .toMillis())).thenComparingDouble(TrackPoint::lat).thenComparingDouble(TrackPoint::lon))
                    .orElseThrow();
            sum += Geo.distanceKm(new GeoPoint(point.lat(), point.lon()), new GeoPoint(nearest.lat(), nearest.lon()));
        }
        return sum / track.size();
    }

    /**
     * The best estimate from the reports of one launch, given in arrival order: a sensor's later report supersedes
     * its earlier ones (a correction); across sensors, confidence-weighted means of positions and figures, the
     * most confident specific missile class, the fused confidence {@code 1 - Π(1 - c)}, every sensor, and the
     * earliest detection. The result does not depend on the order in which different sensors' reports arrived.
     */
    public static LaunchEstimate estimate(List<MissileLaunchReport> arrivalOrder) {
        if (arrivalOrder.isEmpty()) {
            throw new IllegalArgumentException("a launch has at least one report");
        }
        Map<String, MissileLaunchReport> latestPerSensor = new java.util.HashMap<>();
        arrivalOrder.forEach(r -> latestPerSensor.put(r.sensorId(), r));
        List<MissileLaunchReport> reports = latestPerSensor.values().stream()
                .sorted(Comparator.comparing(MissileLaunchReport::sensorId)
                        .thenComparing(MissileLaunchReport::reportId)).toList();
        GeoPoint launchPoint = weightedPoint(reports.stream().map(r -> new Weighted<>(r.launchPoint(), w(r))).toList());
        List<Weighted<GeoPoint>> impacts = reports.stream().filter(r -> r.predictedImpactPoint() != null)
                .map(r -> new Weighted<>(r.predictedImpactPoint(), w(r))).toList();
        double miss = 1;
        for (MissileLaunchReport r : reports) {
            miss *= 1 - r.confidence();
        }
        return new LaunchEstimate(launchPoint, impacts.isEmpty() ? null : weightedPoint(impacts),
                weightedMean(reports, MissileLaunchReport::apogeeKm),
                weightedMean(reports, MissileLaunchReport::rangeKm),
                roundOrNull(weightedMean(reports, r -> r.flightTimeSeconds() == null ? null
                        : r.flightTimeSeconds().doubleValue())),
                missileClass(reports), round(1 - miss, 4),
                List.copyOf(new TreeSet<>(reports.stream().map(MissileLaunchReport::sensorId).toList())),
                arrivalOrder.stream().map(MissileLaunchReport::detectedAt).min(Comparator.naturalOrder())
                        .orElseThrow());
    }

    private record Weighted<T>(T value, double weight) {
    }

    private static double w(MissileLaunchReport r) {
        return Math.max(r.confidence(), 0.01);
    }

    private static GeoPoint weightedPoint(List<Weighted<GeoPoint>> points) {
        GeoPoint mean = Geo.vectorMean(points.stream().map(Weighted::value).toList(),
                points.stream().map(Weighted::weight).toList());
        return new GeoPoint(round(mean.lat(), 5), round(mean.lon(), 5));
    }

    private static Double weightedMean(List<MissileLaunchReport> reports,
                                       java.util.function.Function<MissileLaunchReport, Double> value) {
        double total = 0;
        double sum = 0;
        for (MissileLaunchReport r : reports) {
            Double v = value.apply(r);
            if (v != null) {
                total += w(r);
                sum += v * w(r);
            }
        }
        return total == 0 ? null : round(sum / total, 1);
    }

    private static Integer roundOrNull(Double value) {
        return value == null ? null : (int) Math.round(value);
    }

    private static MissileClass missileClass(List<MissileLaunchReport> reports) {
        Map<MissileClass, Double> weight = new EnumMap<>(MissileClass.class);
        reports.stream().filter(r -> r.missileClass() != MissileClass.UNKNOWN)
                .forEach(r -> weight.merge(r.missileClass(), w(r), Double::sum));
        return weight.entrySet().stream()
                .max(Map.Entry.<MissileClass, Double>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(MissileClass.UNKNOWN);
    }

    private static List<TrackPoint> track(MissileLaunchReport report) {
        return report.track() == null ? List.of() : report.track();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
