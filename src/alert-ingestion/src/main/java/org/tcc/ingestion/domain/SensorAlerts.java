package org.tcc.ingestion.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.AppliedReport;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.alert.ThreatKind;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.contracts.events.feed.TrackPoint;

/**
 * Turns a tracked launch into its alert: raised by its first reports, refined by later ones. Reports that arrive
 * together (one polled batch) make one version, which names them all.
 */
public final class SensorAlerts {

    /** The fields a liaison's change keeps through later sensor refinements (see {@link #stable}). */
    public static final Set<String> LIAISON_FIELDS = Set.of("headline", "description", "areaDesc", "severity",
            "urgency", "certainty");

    private final ImpactAssessment assessment;
    private final Set<Country> releasableTo;

    public SensorAlerts(ImpactAssessment assessment, Set<Country> releasableTo) {
        this.assessment = assessment;
        this.releasableTo = EnumSet.copyOf(releasableTo);
    }

    /** The alert raised by {@code applied}, the first reports of a launch ({@code reports}: all of them). */
    public AlertRaised raise(String alertId, List<MissileLaunchReport> reports, List<MissileLaunchReport> applied,
                             Instant now) {
        return new AlertRaised(state(alertId, 0, reports, now, now, List.of()), references(applied));
    }

    /**
     * The alert after {@code applied}, the launch's newest reports ({@code reports}: all of them); empty when they
     * change nothing a reader would see.
     */
    public Optional<AlertUpdated> refine(AlertState current, List<MissileLaunchReport> reports,
                                         List<MissileLaunchReport> applied, Set<String> liaisonEdited, Instant now) {
        AlertState next = stable(current, state(current.alertId(), current.version() + 1, reports,
                current.raisedAt(), now, current.acknowledgements()), liaisonEdited);
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(current.launch(), next.launch())) {
            changed.add("launch");
        }
        if (current.severity() != next.severity()) {
            changed.add("severity");
        }
        if (current.certainty() != next.certainty()) {
            changed.add("certainty");
        }
        if (!Objects.equals(current.affectedCountries(), next.affectedCountries())) {
            changed.add("affectedCountries");
        }
        if (!Objects.equals(current.threats(), next.threats())) {
            changed.add("threats");
        }
        if (!Objects.equals(current.headline(), next.headline())) {
            changed.add("headline");
        }
        if (!Objects.equals(current.region(), next.region())) {
            changed.add("region");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AlertUpdated(next, changed, (applied.size() == 1 ? "refined by sensor report "
                : "refined by sensor reports ") + String.join(", ", applied.stream().map(MissileLaunchReport::reportId)
                .toList()), references(applied)));
    }

    private static List<AppliedReport> references(List<MissileLaunchReport> applied) {
        if (applied.isEmpty()) {
            throw new IllegalArgumentException("a sensor alert version applies at least one report");
        }
        return applied.stream().map(r -> new AppliedReport(r.sensorId(), r.reportId())).toList();
    }

    /**
     * Ownership stays put across refinements: the alert keeps the country that raised it, {@code releasableTo}
     * only widens (a liaison's widening is never undone), and what a liaison set by hand survives: their headline,
     * description and area description stay as written, and severity, urgency and certainty are the stronger of
     * theirs and the sensors' (a warning errs on the side of telling).
     */
    static AlertState stable(AlertState current, AlertState refined, Set<String> liaisonEdited) {
        Set<Country> releasable = EnumSet.copyOf(current.releasableTo());
        releasable.addAll(refined.releasableTo());
        String headline = refined.headline();
        String description = refined.description();
        String areaDesc = refined.areaDesc();
        if (liaisonEdited.contains("headline")) {
            headline = current.headline();
        }
        if (liaisonEdited.contains("description")) {
            description = current.description();
        }
        if (liaisonEdited.contains("areaDesc")) {
            areaDesc = current.areaDesc();
        }
        Severity severity = liaisonEdited.contains("severity")
                ? stronger(current.severity(), refined.severity()) : refined.severity();
        Urgency urgency = liaisonEdited.contains("urgency")
                ? stronger(current.urgency(), refined.urgency()) : refined.urgency();
        Certainty certainty = liaisonEdited.contains("certainty")
                ? stronger(current.certainty(), refined.certainty()) : refined.certainty();
        return new AlertState(refined.alertId(), refined.version(), current.origin(), current.originCountry(),
                refined.type(), refined.region(), current.status(), refined.lifecycle(), headline, description,
                severity, urgency, certainty, areaDesc, releasable.stream().sorted().toList(),
                refined.affectedCountries(), refined.acknowledgements(), refined.launch(), refined.raisedAt(),
                refined.updatedAt(), refined.threats());
    }

    /** The stronger of two CAP values (CAP lists them strongest first). */
    private static <E extends Enum<E>> E stronger(E a, E b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private AlertState state(String alertId, long version, List<MissileLaunchReport> reports, Instant raisedAt,
                             Instant now, List<org.tcc.contracts.events.alert.Acknowledgement> acknowledgements) {
        LaunchEstimate launch = LaunchFusion.estimate(reports);
        MissileLaunchReport first = reports.stream().min(Comparator.comparing(MissileLaunchReport::detectedAt)
                .thenComparing(MissileLaunchReport::sensorId)).orElseThrow();
        List<TrackPoint> track = reports.stream().flatMap(r -> r.track() == null ? java.util.stream.Stream.empty()
                : r.track().stream()).toList();
        long countries = reports.stream().map(MissileLaunchReport::reportingCountry).distinct().count();
        ImpactAssessment.Result result = assessment.assess(launch, track, (int) countries);
        TrafficStatus status = first.status();
        Set<Country> releasable = EnumSet.copyOf(releasableTo);
        releasable.add(first.reportingCountry());
        return new AlertState(alertId, version, AlertOrigin.SENSOR, first.reportingCountry(),
                AlertType.MISSILE_LAUNCH, Regions.of(launch), status, AlertLifecycle.ACTIVE,
                headline(status, launch, result), description(launch, result), result.severity(), result.urgency(),
                result.certainty(), areaDesc(launch, result), List.copyOf(releasable),
                result.affected().stream().sorted().toList(), acknowledgements, launch, raisedAt, now,
                result.threats());
    }

    /** E.g. {@code IRBM launch detected near 40.60N 126.40E, overflies JPN}; disputed areas are flagged. */
    static String headline(TrafficStatus status, LaunchEstimate launch, ImpactAssessment.Result result) {
        String prefix = status == TrafficStatus.ACTUAL ? "" : "[" + status + "] ";
        String what = launch.missileClass() + " launch detected near " + position(launch.launchPoint());
        StringBuilder where = new StringBuilder();
        if (!result.impacted().isEmpty()) {
            where.append(", predicted impact threatens ").append(codes(result.impacted()));
            if (result.threats().stream().anyMatch(t -> t.kind() != ThreatKind.OVERFLIGHT && t.disputed())) {
                where.append(" (disputed area)");
            }
        }
        if (!result.overflown().isEmpty()) {
            where.append(", overflies ").append(codes(result.overflown()));
        }
        return prefix + what + where;
    }

    private static String description(LaunchEstimate launch, ImpactAssessment.Result result) {
        StringBuilder text = new StringBuilder("Fused from " + launch.sensors().size() + " sensor(s): "
                + String.join(", ", launch.sensors()) + ". Confidence " + launch.confidence() + ".");
        if (launch.apogeeKm() != null) {
            text.append(" Apogee ").append(launch.apogeeKm()).append(" km.");
        }
        if (launch.rangeKm() != null) {
            text.append(" Range ").append(launch.rangeKm()).append(" km.");
        }
        if (launch.flightTimeSeconds() != null) {
            text.append(" Flight time ").append(launch.flightTimeSeconds()).append(" s.");
        }
        if (!result.overflown().isEmpty()) {
            text.append(" Overflight: the predicted ground track crosses the territory of ")
                    .append(codes(result.overflown())).append(".");
        }
        return text.toString();
    }

    private static String areaDesc(LaunchEstimate launch, ImpactAssessment.Result result) {
        StringBuilder text = new StringBuilder();
        if (launch.predictedImpactPoint() == null) {
            text.append("Launch point ").append(position(launch.launchPoint())).append("; impact not yet predicted");
        } else {
            text.append("Predicted impact ").append(position(launch.predictedImpactPoint()));
            List<Threat> impact = result.threats().stream().filter(t -> t.kind() != ThreatKind.OVERFLIGHT).toList();
            text.append(impact.isEmpty() ? " (outside every territory and EEZ)"
                    : " in " + areas(impact));
        }
        List<Threat> over = result.threats().stream().filter(t -> t.kind() == ThreatKind.OVERFLIGHT).toList();
        if (!over.isEmpty()) {
            text.append("; ground track overflies ").append(areas(over));
        }
        return text.length() <= 1000 ? text.toString() : text.substring(0, 999) + "…";
    }

    /**
     * Each area once, with the countries it concerns: {@code Japan (JPN)}; a disputed one says so and lists its
     * claimants alphabetically, taking no side: {@code Dokdo / Takeshima (Liancourt Rocks) (disputed area,
     * claimed by JPN, KOR; concerns KOR/JPN)}.
     */
    private static String areas(List<Threat> threats) {
        return String.join("; ", ThreatArea.of(threats).stream().map(t -> t.disputed()
                ? t.area() + " (disputed area, claimed by " + String.join(", ", t.claimants()) + "; concerns "
                + codes(t.countries()) + ")"
                : t.area() + " (" + codes(t.countries()) + ")").toList());
    }

    private static String codes(List<Country> countries) {
        return String.join("/", countries.stream().sorted().map(Enum::name).toList());
    }

    private static String position(org.tcc.contracts.events.GeoPoint p) {
        return String.format(Locale.ROOT, "%.2f%s %.2f%s", Math.abs(p.lat()), p.lat() >= 0 ? "N" : "S",
                Math.abs(p.lon()), p.lon() >= 0 ? "E" : "W");
    }
}
