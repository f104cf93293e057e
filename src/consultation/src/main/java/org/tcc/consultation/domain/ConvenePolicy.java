package org.tcc.consultation.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.consultation.Level;

/**
 * Decides whether an alert convenes a consultation, at which level, and with whom (the countries the alert is
 * releasable to).
 *
 * @param types alert types that convene
 * @param regions regions that convene
 * @param statuses traffic statuses that convene (EXERCISE and TEST consultations carry their status through)
 * @param minSeverity the least severe alert that convenes (CAP order: Extreme, Severe, Moderate, Minor, Unknown)
 * @param seniorSeverities severities that start at SENIOR instead of WORKING level
 * @param requireAffectedParticipant convene only when a participant is among the alert's affected countries
 * @param minParticipants fewest releasable countries worth a consultation
 */
public record ConvenePolicy(Set<AlertType> types, Set<Region> regions, Set<TrafficStatus> statuses,
                            Severity minSeverity, Set<Severity> seniorSeverities, boolean requireAffectedParticipant,
                            int minParticipants) {

    public ConvenePolicy {
        types = types.isEmpty() ? EnumSet.noneOf(AlertType.class) : EnumSet.copyOf(types);
        regions = regions.isEmpty() ? EnumSet.noneOf(Region.class) : EnumSet.copyOf(regions);
        statuses = statuses.isEmpty() ? EnumSet.noneOf(TrafficStatus.class) : EnumSet.copyOf(statuses);
        seniorSeverities = seniorSeverities.isEmpty() ? EnumSet.noneOf(Severity.class) : EnumSet.copyOf(seniorSeverities);
    }

    public sealed interface Decision permits Convene, Skip {
    }

    public record Convene(Level level, Set<Country> participants) implements Decision {
    }

    public record Skip(String reason) implements Decision {
    }

    public Decision decide(AlertState alert) {
        if (alert.lifecycle() != AlertLifecycle.ACTIVE) {
            return new Skip("alert is " + alert.lifecycle());
        }
        if (!types.contains(alert.type())) {
            return new Skip("type " + alert.type() + " does not convene");
        }
        if (!regions.contains(alert.region())) {
            return new Skip("region " + alert.region() + " does not convene");
        }
        if (!statuses.contains(alert.status())) {
            return new Skip("status " + alert.status() + " does not convene");
        }
        if (alert.severity() == null || alert.severity().ordinal() > minSeverity.ordinal()) {
            return new Skip("severity " + alert.severity() + " is below " + minSeverity);
        }
        List<Country> releasable = alert.releasableTo() == null ? List.of() : alert.releasableTo();
        Set<Country> participants = releasable.isEmpty() ? EnumSet.noneOf(Country.class) : EnumSet.copyOf(releasable);
        if (participants.size() < minParticipants) {
            return new Skip("releasable to " + participants.size() + " countries, fewer than " + minParticipants);
        }
        if (requireAffectedParticipant && (alert.affectedCountries() == null
                || alert.affectedCountries().stream().noneMatch(participants::contains))) {
            return new Skip("no participant is an affected country");
        }
        Level level = seniorSeverities.contains(alert.severity()) ? Level.SENIOR : Level.WORKING;
        return new Convene(level, participants);
    }
}
