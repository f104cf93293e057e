package org.tcc.ingestion.service;

import java.util.Comparator;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.ingestion.repository.Alert;

/** Converts between the stored alert and its wire snapshot, {@link AlertState}. */
public final class AlertSnapshots {

    private AlertSnapshots() {
    }

    public static AlertState of(Alert alert) {
        return new AlertState(alert.id.toString(), alert.version, alert.origin, alert.originCountry, alert.type,
                alert.region, alert.trafficStatus, alert.lifecycle, alert.headline, alert.description,
                alert.severity, alert.urgency, alert.certainty, alert.areaDesc, sorted(alert.releasableTo),
                sorted(alert.affectedCountries),
                alert.acknowledgements.stream()
                        .sorted(Comparator.comparing(a -> a.acknowledgedAt))
                        .map(a -> new Acknowledgement(a.country, a.subject, a.acknowledgedAt)).toList(),
                alert.launch == null ? null : Json.read(alert.launch.getBytes(), LaunchEstimate.class),
                alert.raisedAt, alert.updatedAt,
                alert.threats == null ? null : List.of(Json.read(alert.threats.getBytes(), Threat[].class)));
    }

    /** Copies a snapshot (as returned by the domain) onto the stored alert. */
    public static void apply(AlertState state, Alert alert) {
        alert.origin = state.origin();
        alert.originCountry = state.originCountry();
        alert.type = state.type();
        alert.region = state.region();
        alert.trafficStatus = state.status();
        alert.lifecycle = state.lifecycle();
        alert.headline = state.headline();
        alert.description = state.description();
        alert.severity = state.severity();
        alert.urgency = state.urgency();
        alert.certainty = state.certainty();
        alert.areaDesc = state.areaDesc();
        alert.launch = state.launch() == null ? null : new String(Json.toBytes(state.launch()));
        alert.threats = state.threats() == null ? null : new String(Json.toBytes(state.threats()));
        alert.releasableTo.clear();
        alert.releasableTo.addAll(state.releasableTo());
        alert.affectedCountries.clear();
        if (state.affectedCountries() != null) {
            alert.affectedCountries.addAll(state.affectedCountries());
        }
        alert.acknowledgements.clear();
        if (state.acknowledgements() != null) {
            state.acknowledgements().forEach(a -> alert.acknowledgements.add(
                    new org.tcc.ingestion.repository.Acknowledgement(a.country(), a.subject(), a.at())));
        }
        alert.raisedAt = state.raisedAt();
        alert.updatedAt = state.updatedAt();
    }

    private static List<Country> sorted(java.util.Collection<Country> countries) {
        return countries.stream().sorted().toList();
    }
}
