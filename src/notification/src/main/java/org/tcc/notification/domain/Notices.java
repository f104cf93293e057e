package org.tcc.notification.domain;

import java.util.List;
import java.util.stream.Collectors;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.consultation.ConsultationAlertAdded;
import org.tcc.contracts.events.consultation.ConsultationState;

/** Writes the notices for alerts, overdue acknowledgements and consultations. */
public final class Notices {

    private Notices() {
    }

    /** {@code typeName} is the event type without area and version, e.g. {@code AlertRaised}. */
    public static Notice alert(String typeName, AlertState alert) {
        String what = switch (typeName) {
            case "AlertRaised" -> "New";
            case "AlertUpdated" -> "Updated";
            case "AlertCancelled" -> "CANCELLED";
            case "AlertResolved" -> "Resolved";
            default -> typeName;
        };
        String title = Notice.labelled(alert.status(),
                "TCC " + what + " " + alert.severity() + " alert: " + alert.headline());
        StringBuilder text = new StringBuilder(Notice.disclaimer(alert.status()));
        text.append(alert.headline()).append('\n')
                .append("Alert ").append(alert.alertId()).append(" (version ").append(alert.version()).append(")\n")
                .append("Type: ").append(alert.type()).append(", region: ").append(alert.region()).append('\n')
                .append("Severity: ").append(alert.severity()).append(", urgency: ").append(alert.urgency())
                .append(", certainty: ").append(alert.certainty()).append('\n')
                .append("Lifecycle: ").append(alert.lifecycle()).append('\n')
                .append("Affected: ").append(codes(alert.affectedCountries())).append('\n');
        if (alert.threats() != null) {
            for (Threat threat : alert.threats()) {
                text.append("Threat to ").append(threat.country()).append(": ").append(threat(threat)).append('\n');
            }
        }
        if (alert.description() != null) {
            text.append('\n').append(alert.description()).append('\n');
        }
        return new Notice(Notice.Kind.ALERT, alert.status(), title, text.toString());
    }

    public static Notice acknowledgementOverdue(AlertState alert, Country country, ChainStep step) {
        String title = Notice.labelled(alert.status(), "TCC ESCALATION (" + step + "): " + country
                + " has not acknowledged " + alert.severity() + " alert: " + alert.headline());
        String text = Notice.disclaimer(alert.status())
                + country + " has not acknowledged alert " + alert.alertId() + " (" + alert.headline() + ").\n"
                + "You are notified as " + step + " of the " + country + " escalation chain. "
                + "Acknowledge the alert to stop further escalation.\n";
        return new Notice(Notice.Kind.ACKNOWLEDGEMENT_OVERDUE, alert.status(), title, text);
    }

    /** {@code typeName} is the event type without area and version, e.g. {@code ConsultationConvened}. */
    public static Notice consultation(String typeName, ConsultationState consultation) {
        String title = Notice.labelled(consultation.status(), "TCC consultation " + typeName + ": "
                + consultation.subject());
        String text = Notice.disclaimer(consultation.status())
                + typeName + " in consultation " + consultation.consultationId() + " (" + consultation.subject()
                + ")\nLevel: " + consultation.level() + ", phase: " + consultation.phase()
                + "\nParticipants: " + codes(consultation.participants()) + ", joined: "
                + codes(consultation.joined()) + "\n";
        return new Notice(Notice.Kind.CONSULTATION, consultation.status(), title, text);
    }

    /** An alert of the same crisis joined an open consultation instead of convening a new one. */
    public static Notice consultationAlertAdded(ConsultationState consultation, ConsultationAlertAdded added) {
        String what = added.headline() == null ? "alert " + added.alertId() : added.headline();
        String title = Notice.labelled(consultation.status(), "TCC " + (added.severity() == null ? ""
                : added.severity() + " ") + "alert added to consultation: " + consultation.subject());
        String text = Notice.disclaimer(consultation.status())
                + "Alert " + added.alertId() + " (" + what + ") was added to consultation "
                + consultation.consultationId() + " (" + consultation.subject() + "): the same crisis, "
                + added.alertCount() + " alerts so far.\n"
                + "Severity: " + (added.severity() == null ? "-" : added.severity()) + ", raised at: "
                + (added.raisedAt() == null ? "-" : added.raisedAt()) + "\n"
                + "Level: " + consultation.level() + ", phase: " + consultation.phase()
                + "\nParticipants: " + codes(consultation.participants()) + ", joined: "
                + codes(consultation.joined()) + "\n";
        return new Notice(Notice.Kind.CONSULTATION, consultation.status(), title, text);
    }

    public static Notice consultationEscalated(ConsultationState consultation, Country silent, String missed,
                                               ChainStep step) {
        String title = Notice.labelled(consultation.status(), "TCC ESCALATION (" + step + "): " + silent
                + " missed the " + missed + " deadline of consultation: " + consultation.subject());
        String text = Notice.disclaimer(consultation.status())
                + silent + " did not " + ("JOIN".equals(missed) ? "join" : "respond") + " in time; consultation "
                + consultation.consultationId() + " moved to level " + consultation.level() + ".\n"
                + "You are notified as " + step + " of the " + silent + " escalation chain.\n";
        return new Notice(Notice.Kind.CONSULTATION_ESCALATED, consultation.status(), title, text);
    }

    /** E.g. {@code OVERFLIGHT of Japan: the predicted ground track crosses its territory}. */
    private static String threat(Threat threat) {
        String what = switch (threat.kind()) {
            case OVERFLIGHT -> "OVERFLIGHT of " + threat.area() + ": the predicted ground track crosses its territory";
            case IMPACT_TERRITORY -> "predicted impact on " + threat.area();
            case IMPACT_EEZ -> "predicted impact in " + threat.area();
        };
        if (threat.disputed()) {
            what += " (disputed area" + (threat.claimants() == null || threat.claimants().isEmpty() ? ""
                    : ", claimed by " + String.join(", ", threat.claimants().stream().sorted().toList())) + ")";
        }
        return what;
    }

    private static String codes(List<Country> countries) {
        return countries == null || countries.isEmpty() ? "-"
                : countries.stream().map(Country::name).collect(Collectors.joining(", "));
    }
}
