package org.tcc.ingestion.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertAcknowledged;
import org.tcc.contracts.events.alert.AlertCancelled;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertResolved;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;

/**
 * What liaison officers and feeds may do with an alert. Each method returns the event announcing the change, or
 * throws {@link AlertRefused}; none touches storage.
 *
 * <ul>
 *   <li>a liaison raises alerts for their own country only, releasable at least to that country;</li>
 *   <li>any country the alert is releasable to acknowledges for itself, once (repeating changes nothing);</li>
 *   <li>only the originating country updates, cancels or resolves: its liaisons, and for a sensor alert also
 *       the feeds of any country whose sensor contributed to it;</li>
 *   <li>releasability only widens: what a country has seen cannot be un-seen.</li>
 * </ul>
 */
public final class AlertRules {

    /** Who acts: subject, country, and whether through a sensor feed. */
    public record Acting(String subject, Country country, boolean feed) {
        Actor actor() {
            return new Actor(subject, country);
        }
    }

    /** A new alert as a liaison describes it. */
    public record Raise(AlertType type, Region region, TrafficStatus status, String headline, String description,
                        Severity severity, Urgency urgency, Certainty certainty, String areaDesc,
                        Set<Country> releasableTo) {
    }

    /** Changes of an alert; null fields stay as they are. */
    public record Change(String headline, String description, Severity severity, Urgency urgency,
                         Certainty certainty, String areaDesc, Set<Country> releasableTo, String reason) {
    }

    private AlertRules() {
    }

    public static AlertRaised raise(String alertId, Raise raise, Acting by, Instant now) {
        if (by.feed()) {
            throw AlertRefused.notAllowed("feeds report launches; liaison officers raise alerts");
        }
        if (raise.releasableTo() == null || raise.releasableTo().isEmpty()) {
            throw AlertRefused.invalid("releasableTo", "must name at least the raising country " + by.country());
        }
        if (!raise.releasableTo().contains(by.country())) {
            throw AlertRefused.invalid("releasableTo", "must include the raising country " + by.country());
        }
        return new AlertRaised(new AlertState(alertId, 0, AlertOrigin.LIAISON, by.country(), raise.type(),
                raise.region(), raise.status(), AlertLifecycle.ACTIVE, raise.headline(), raise.description(),
                raise.severity(), raise.urgency(), raise.certainty(), raise.areaDesc(),
                sorted(raise.releasableTo()), List.of(), List.of(), null, now, now));
    }

    /** The acknowledgement of {@code by}'s country; empty if that country has already acknowledged. */
    public static Optional<AlertAcknowledged> acknowledge(AlertState alert, Acting by, Instant now) {
        if (by.feed()) {
            throw AlertRefused.notAllowed("a feed cannot acknowledge alerts");
        }
        if (!alert.releasableTo().contains(by.country())) {
            throw AlertRefused.notAllowed("the alert is not releasable to " + by.country());
        }
        if (alert.acknowledgements().stream().anyMatch(a -> a.country() == by.country())) {
            return Optional.empty();
        }
        Acknowledgement ack = new Acknowledgement(by.country(), by.subject(), now);
        List<Acknowledgement> acks = new ArrayList<>(alert.acknowledgements());
        acks.add(ack);
        return Optional.of(new AlertAcknowledged(copy(alert, alert.version() + 1, now, b -> b.acknowledgements = acks),
                ack));
    }

    public static AlertUpdated update(AlertState alert, Set<Country> reportingCountries, Change change, Acting by,
                                      Instant now) {
        requireOriginator(alert, reportingCountries, by, "update");
        requireActive(alert, "updated");
        List<String> changed = new ArrayList<>();
        Set<Country> releasable = EnumSet.copyOf(alert.releasableTo());
        if (change.releasableTo() != null) {
            if (!change.releasableTo().containsAll(alert.releasableTo())) {
                throw AlertRefused.invalid("releasableTo", "can only widen: it already includes "
                        + alert.releasableTo());
            }
            releasable.addAll(change.releasableTo());
        }
        AlertState next = copy(alert, alert.version() + 1, now, b -> {
            b.headline = pick(change.headline(), alert.headline(), "headline", changed);
            b.description = pick(change.description(), alert.description(), "description", changed);
            b.severity = pick(change.severity(), alert.severity(), "severity", changed);
            b.urgency = pick(change.urgency(), alert.urgency(), "urgency", changed);
            b.certainty = pick(change.certainty(), alert.certainty(), "certainty", changed);
            b.areaDesc = pick(change.areaDesc(), alert.areaDesc(), "areaDesc", changed);
            b.releasableTo = pick(sorted(releasable), alert.releasableTo(), "releasableTo", changed);
        });
        if (changed.isEmpty()) {
            throw AlertRefused.invalid("body", "changes nothing");
        }
        return new AlertUpdated(next, changed, change.reason());
    }

    public static AlertCancelled cancel(AlertState alert, Set<Country> reportingCountries, String reason, Acting by,
                                        Instant now) {
        requireOriginator(alert, reportingCountries, by, "cancel");
        requireActive(alert, "cancelled");
        return new AlertCancelled(copy(alert, alert.version() + 1, now, b -> b.lifecycle = AlertLifecycle.CANCELLED),
                by.actor(), reason);
    }

    public static AlertResolved resolve(AlertState alert, Set<Country> reportingCountries, String reason, Acting by,
                                        Instant now) {
        requireOriginator(alert, reportingCountries, by, "resolve");
        requireActive(alert, "resolved");
        return new AlertResolved(copy(alert, alert.version() + 1, now, b -> b.lifecycle = AlertLifecycle.RESOLVED),
                by.actor(), reason);
    }

    /**
     * Liaisons of the originating country; for a sensor alert also the feeds of every country whose sensors
     * reported the launch ({@code reportingCountries}).
     */
    static void requireOriginator(AlertState alert, Set<Country> reportingCountries, Acting by, String what) {
        if (by.feed()) {
            if (alert.origin() != AlertOrigin.SENSOR || !reportingCountries.contains(by.country())) {
                throw AlertRefused.notAllowed("only a feed of a country whose sensor reported this launch may "
                        + what + " it");
            }
        } else if (alert.originCountry() != by.country()) {
            throw AlertRefused.notAllowed("only the originating country (" + alert.originCountry() + ") may "
                    + what + " this alert");
        }
    }

    private static void requireActive(AlertState alert, String what) {
        if (alert.lifecycle() != AlertLifecycle.ACTIVE) {
            throw AlertRefused.conflict(alert.lifecycle(), "the alert is " + alert.lifecycle()
                    + " and can no longer be " + what);
        }
    }

    private static <T> T pick(T requested, T current, String field, List<String> changed) {
        if (requested == null || Objects.equals(requested, current)) {
            return current;
        }
        changed.add(field);
        return requested;
    }

    private static List<Country> sorted(Set<Country> countries) {
        return countries.stream().sorted().toList();
    }

    /** A mutable copy of a snapshot, so each rule states only what it changes. */
    private static final class Builder {
        String headline;
        String description;
        Severity severity;
        Urgency urgency;
        Certainty certainty;
        String areaDesc;
        List<Country> releasableTo;
        List<Acknowledgement> acknowledgements;
        AlertLifecycle lifecycle;
    }

    private static AlertState copy(AlertState a, long version, Instant now, java.util.function.Consumer<Builder> edit) {
        Builder b = new Builder();
        b.headline = a.headline();
        b.description = a.description();
        b.severity = a.severity();
        b.urgency = a.urgency();
        b.certainty = a.certainty();
        b.areaDesc = a.areaDesc();
        b.releasableTo = a.releasableTo();
        b.acknowledgements = a.acknowledgements();
        b.lifecycle = a.lifecycle();
        edit.accept(b);
        return new AlertState(a.alertId(), version, a.origin(), a.originCountry(), a.type(), a.region(), a.status(),
                b.lifecycle, b.headline, b.description, b.severity, b.urgency, b.certainty, b.areaDesc,
                b.releasableTo, a.affectedCountries(), b.acknowledgements, a.launch(), a.raisedAt(), now,
                a.threats());
    }
}
