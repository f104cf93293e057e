package org.tcc.ingestion.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.TrackPoint;

/**
 * Who is threatened by a launch: a predicted impact inside any country's territory or EEZ, or a track passing
 * over a country's territory, makes the alert Extreme/Immediate for those countries; a ballistic launch that
 * threatens no zone is Severe; a space launch (SLV) that threatens none is Moderate.
 */
public final class ImpactAssessment {

    public record Result(Severity severity, Urgency urgency, Certainty certainty, Set<Country> affected) {
    }

    private final List<ImpactZone> zones;

    public ImpactAssessment(List<ImpactZone> zones) {
        this.zones = List.copyOf(zones);
    }

    public Result assess(LaunchEstimate launch, List<TrackPoint> track, int reportingCountries) {
        Set<Country> affected = EnumSet.noneOf(Country.class);
        GeoPoint impact = launch.predictedImpactPoint();
        if (impact != null) {
            zones.stream().filter(z -> z.contains(impact)).forEach(z -> affected.add(z.country()));
        }
        for (TrackPoint point : track) {
            GeoPoint over = new GeoPoint(point.lat(), point.lon());
            zones.stream().filter(z -> z.kind() == ImpactZone.Kind.TERRITORY && z.contains(over))
                    .forEach(z -> affected.add(z.country()));
        }
        Certainty certainty = reportingCountries >= 2 || launch.confidence() >= 0.9 ? Certainty.Observed
                : launch.confidence() >= 0.5 ? Certainty.Likely : Certainty.Possible;
        if (!affected.isEmpty()) {
            return new Result(Severity.Extreme, Urgency.Immediate, certainty, affected);
        }
        Severity severity = launch.missileClass() == MissileClass.SLV ? Severity.Moderate : Severity.Severe;
        return new Result(severity, Urgency.Immediate, certainty, affected);
    }
}
