package org.tcc.ingestion.domain;

import java.time.Instant;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.alert.AlertAcknowledged;
import org.tcc.contracts.events.alert.AlertCancelled;
import org.tcc.contracts.events.alert.AlertEvent;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertResolved;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.AppliedReport;
import org.tcc.contracts.events.alert.Severity;

/**
 * The history entry of one alert version, out of the event that made it: what kind of change it was, when, who
 * made it (as far as the event says), and the alert's severity, lifecycle, headline and affected countries after.
 */
public final class AlertVersions {

    private AlertVersions() {
    }

    /** What a version did to its alert, from the event type. */
    public enum Change {
        RAISED, UPDATED, ACKNOWLEDGED, CANCELLED, RESOLVED
    }

    /**
     * Who made a change: the acting country (the acknowledging country; the canceller's or resolver's; the
     * raising country), the actor's token subject where the event carries it, the sensors whose reports the
     * version applied. Each part is null when the event does not say it.
     */
    public record Who(Country country, String subject, List<String> sensors) {

        public Who {
            sensors = sensors == null || sensors.isEmpty() ? null : List.copyOf(sensors);
        }
    }

    /**
     * One version's summary.
     *
     * @param changedAt the alert's {@code updatedAt} in that version
     * @param changedFields for an update: the names of the fields it changed
     * @param reason for an update, a cancellation or a resolution: the reason given, if any
     */
    public record Summary(long version, Change change, Instant changedAt, Who who, List<String> changedFields,
                          String reason, Severity severity, AlertLifecycle lifecycle, String headline,
                          List<Country> affectedCountries) {

        public Summary {
            changedFields = changedFields == null ? null : List.copyOf(changedFields);
            affectedCountries = affectedCountries == null ? List.of() : List.copyOf(affectedCountries);
        }

        /** The same summary, changed at {@code instant} (e.g. at the precision the alert is stored with). */
        public Summary changedAt(Instant instant) {
            return new Summary(version, change, instant, who, changedFields, reason, severity, lifecycle, headline,
                    affectedCountries);
        }
    }

    /** The summary of the version {@code event} made. */
    public static Summary of(AlertEvent event) {
        return of(event, null);
    }

    /**
     * As {@link #of(AlertEvent)}, with the country that acted when the event does not name one (a liaison's
     * update carries no actor; the service that applied it knows who asked).
     */
    public static Summary of(AlertEvent event, Country acting) {
        AlertState alert = event.alert();
        Change change;
        Who who;
        List<String> changedFields = null;
        String reason = null;
        if (event instanceof AlertRaised) {
            AlertRaised raised = (AlertRaised) event;
            change = Change.RAISED;
            who = new Who(acting != null ? acting : alert.originCountry(), null, sensors(raised.appliedReports()));
        } else if (event instanceof AlertUpdated) {
            AlertUpdated updated = (AlertUpdated) event;
            change = Change.UPDATED;
            who = new Who(acting, null, sensors(updated.appliedReports()));
            changedFields = updated.changedFields();
            reason = updated.reason();
        } else if (event instanceof AlertAcknowledged) {
            AlertAcknowledged acknowledged = (AlertAcknowledged) event;
            change = Change.ACKNOWLEDGED;
            who = acknowledged.acknowledgement() == null ? new Who(acting, null, null)
                    : new Who(acknowledged.acknowledgement().country(), acknowledged.acknowledgement().subject(), null);
        } else if (event instanceof AlertCancelled) {
            AlertCancelled cancelled = (AlertCancelled) event;
            change = Change.CANCELLED;
            who = actor(cancelled.cancelledBy(), acting);
            reason = cancelled.reason();
        } else if (event instanceof AlertResolved) {
            AlertResolved resolved = (AlertResolved) event;
            change = Change.RESOLVED;
            who = actor(resolved.resolvedBy(), acting);
            reason = resolved.reason();
        } else {
            throw new IllegalArgumentException("not an alert event: " + event.getClass().getName());
        }
        return new Summary(alert.version(), change, alert.updatedAt(), who, changedFields, reason, alert.severity(),
                alert.lifecycle(), alert.headline(), alert.affectedCountries());
    }

    private static Who actor(Actor actor, Country acting) {
        return actor == null ? new Who(acting, null, null) : new Who(actor.country(), actor.subject(), null);
    }

    /** The distinct sensors of the applied reports, in arrival order. */
    private static List<String> sensors(List<AppliedReport> applied) {
        return applied == null ? null : applied.stream().map(AppliedReport::sensorId).distinct().toList();
    }
}
