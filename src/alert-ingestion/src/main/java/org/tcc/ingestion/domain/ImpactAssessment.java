package org.tcc.ingestion.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.MultiLineString;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.alert.ThreatKind;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.TrackPoint;

/**
 * Who is threatened by a launch, and how.
 *
 * <ul>
 * <li>Impact: every zone containing the predicted impact point concerns its countries: {@code IMPACT_TERRITORY}
 * on land, else {@code IMPACT_EEZ} (a country whose land is hit is not also told about its EEZ).</li>
 * <li>Overflight: the predicted ground track is the launch point, then the reported track points in time order,
 * then the predicted impact point, joined by great circles sampled every {@value #TRACK_STEP_KM} km; without
 * reported points it is the great circle from launch to impact. Every territory the track crosses concerns its
 * countries as {@code OVERFLIGHT}, except a territory the impact itself is on (the impact says more).</li>
 * <li>Disputed areas concern every participating claimant and say so ({@code disputed}).</li>
 * </ul>
 * Any threat makes the alert Extreme/Immediate; a ballistic launch that threatens no one is Severe, a space launch
 * (SLV) that threatens no one Moderate.
 */
public final class ImpactAssessment {

    static final double TRACK_STEP_KM = 10;

    public record Result(Severity severity, Urgency urgency, Certainty certainty, Set<Country> affected,
                         List<Threat> threats) {

        public Result {
            threats = List.copyOf(threats);
        }

        /** The countries the ground track overflies, sorted. */
        public List<Country> overflown() {
            return threats.stream().filter(t -> t.kind() == ThreatKind.OVERFLIGHT).map(Threat::country).distinct()
                    .sorted().toList();
        }

        /** The countries the predicted impact threatens, sorted. */
        public List<Country> impacted() {
            return threats.stream().filter(t -> t.kind() != ThreatKind.OVERFLIGHT).map(Threat::country).distinct()
                    .sorted().toList();
        }
    }

    private static final Comparator<Threat> ORDER = Comparator.comparing(Threat::country)
            .thenComparing(Threat::kind).thenComparing(Threat::area);

    private final List<ImpactZone> zones;

    public ImpactAssessment(List<ImpactZone> zones) {
        this.zones = List.copyOf(zones);
    }

    public Result assess(LaunchEstimate launch, List<TrackPoint> track, int reportingCountries) {
        List<Threat> threats = new ArrayList<>();
        GeoPoint impact = launch.predictedImpactPoint();
        Set<ImpactZone> hit = new LinkedHashSet<>();
        if (impact != null) {
            for (ImpactZone zone : zones) {
                if (zone.contains(impact)) {
                    hit.add(zone);
                }
            }
        }
        Set<Country> onLand = EnumSet.noneOf(Country.class);
        hit.stream().filter(z -> z.kind() == ImpactZone.Kind.TERRITORY).forEach(z -> onLand.addAll(z.countries()));
        for (ImpactZone zone : hit) {
            for (Country country : zone.countries()) {
                if (zone.kind() == ImpactZone.Kind.TERRITORY) {
                    threats.add(threat(country, ThreatKind.IMPACT_TERRITORY, zone));
                } else if (!onLand.contains(country)) {
                    threats.add(threat(country, ThreatKind.IMPACT_EEZ, zone));
                }
            }
        }
        List<GeoPoint> waypoints = waypoints(launch, track);
        if (waypoints.size() >= 2) {
            MultiLineString groundTrack = Geo.groundTrack(waypoints, TRACK_STEP_KM);
            for (ImpactZone zone : zones) {
                if (zone.kind() == ImpactZone.Kind.TERRITORY && !hit.contains(zone) && zone.crossedBy(groundTrack)) {
                    zone.countries().forEach(country -> threats.add(threat(country, ThreatKind.OVERFLIGHT, zone)));
                }
            }
        }
        threats.sort(ORDER);
        List<Threat> distinct = threats.stream().distinct().toList();
        Set<Country> affected = EnumSet.noneOf(Country.class);
        distinct.forEach(t -> affected.add(t.country()));
        Certainty certainty = reportingCountries >= 2 || launch.confidence() >= 0.9 ? Certainty.Observed
                : launch.confidence() >= 0.5 ? Certainty.Likely : Certainty.Possible;
        if (!affected.isEmpty()) {
            return new Result(Severity.Extreme, Urgency.Immediate, certainty, affected, distinct);
        }
        Severity severity = launch.missileClass() == MissileClass.SLV ? Severity.Moderate : Severity.Severe;
        return new Result(severity, Urgency.Immediate, certainty, affected, distinct);
    }

    /** Launch point, the reported track in time order, predicted impact. */
    static List<GeoPoint> waypoints(LaunchEstimate launch, List<TrackPoint> track) {
        List<GeoPoint> points = new ArrayList<>();
        points.add(launch.launchPoint());
        track.stream().sorted(Comparator.comparing(TrackPoint::t).thenComparingDouble(TrackPoint::lat)
                        .thenComparingDouble(TrackPoint::lon))
                .forEach(p -> points.add(new GeoPoint(p.lat(), p.lon())));
        if (launch.predictedImpactPoint() != null) {
            points.add(launch.predictedImpactPoint());
        }
        return points;
    }

    private static Threat threat(Country country, ThreatKind kind, ImpactZone zone) {
        return new Threat(country, kind, zone.name(), zone.disputed(), zone.disputed() ? zone.claimants() : null);
    }
}
