package org.tcc.notification.domain;

import static org.tcc.notification.domain.Message.term;

import java.util.ArrayList;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.consultation.ConsultationAlertAdded;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ConsultationState;

/**
 * Writes the notices for alerts, overdue acknowledgements and consultations, in no language yet: every sentence is a
 * bundle key ({@code messages/notices_<tag>.properties}) with its arguments. What a person wrote (an alert's headline,
 * description and area, a threat's area, a consultation's subject) is passed as it is and never translated; ids,
 * versions and counts are passed as they are; words of the system (severity, type, lifecycle, chain step ...) and
 * countries are bundle terms; times are {@link java.time.Instant}s, formatted for each reader.
 */
public final class Notices {

    private Notices() {
    }

    /** {@code typeName} is the event type without area and version, e.g. {@code AlertRaised}. */
    public static Notice alert(String typeName, AlertState alert) {
        Message title = Message.of("alert.title", "what", term("alert.event", typeName),
                "severity", term("severity", alert.severity()), "type", term("type", alert.type()),
                "headline", alert.headline());
        List<Message> lines = new ArrayList<>();
        lines.add(Message.verbatim(alert.headline()));
        lines.add(Message.of("alert.id", "alertId", alert.alertId(), "version", Long.toString(alert.version())));
        lines.add(Message.of("alert.kind", "type", term("type", alert.type()), "region",
                term("region", alert.region())));
        lines.add(Message.of("alert.assessment", "severity", term("severity", alert.severity()),
                "urgency", term("urgency", alert.urgency()), "certainty", term("certainty", alert.certainty())));
        lines.add(Message.of("alert.lifecycle", "lifecycle", term("lifecycle", alert.lifecycle())));
        if (alert.launch() != null && alert.launch().detectedAt() != null) {
            lines.add(Message.of("alert.detectedAt", "time", alert.launch().detectedAt()));
        }
        if (alert.raisedAt() != null) {
            lines.add(Message.of("alert.raisedAt", "time", alert.raisedAt()));
        }
        lines.add(Message.of("alert.affected", "countries", alert.affectedCountries()));
        if (alert.areaDesc() != null && !alert.areaDesc().isBlank()) {
            lines.add(Message.of("alert.area", "area", alert.areaDesc()));
        }
        if (alert.threats() != null) {
            for (Threat threat : alert.threats()) {
                lines.add(Message.of("alert.threat", "country", threat.country(), "threat", threat(threat)));
            }
        }
        if (alert.description() != null) {
            lines.add(Message.verbatim(""));
            lines.add(Message.verbatim(alert.description()));
        }
        return new Notice(Notice.Kind.ALERT, alert.status(), title, lines);
    }

    public static Notice acknowledgementOverdue(AlertState alert, Country country, ChainStep step) {
        Message title = Message.of("overdue.title", "step", term("step", step), "country", country,
                "severity", term("severity", alert.severity()), "headline", alert.headline());
        List<Message> lines = List.of(
                Message.of("overdue.text", "country", country, "alertId", alert.alertId(),
                        "headline", alert.headline()),
                Message.of("overdue.you", "step", term("step", step), "country", country));
        return new Notice(Notice.Kind.ACKNOWLEDGEMENT_OVERDUE, alert.status(), title, lines);
    }

    /** {@code typeName} is the event type without area and version, e.g. {@code ConsultationConvened}. */
    public static Notice consultation(String typeName, ConsultationState consultation) {
        Message title = Message.of("consultation.title", "what", term("consultation.event", typeName),
                "subject", consultation.subject());
        List<Message> lines = new ArrayList<>();
        lines.add(Message.of("consultation.text", "what", term("consultation.event", typeName),
                "consultationId", consultation.consultationId(), "subject", consultation.subject()));
        lines.addAll(state(consultation));
        return new Notice(Notice.Kind.CONSULTATION, consultation.status(), title, lines);
    }

    /** An alert of the same crisis joined an open consultation instead of convening a new one. */
    public static Notice consultationAlertAdded(ConsultationState consultation, ConsultationAlertAdded added) {
        Object what = added.headline() == null ? Message.of("alertAdded.unnamed", "alertId", added.alertId())
                : added.headline();
        Message title = added.severity() == null
                ? Message.of("alertAdded.title", "subject", consultation.subject())
                : Message.of("alertAdded.title.severity", "severity", term("severity", added.severity()),
                        "subject", consultation.subject());
        List<Message> lines = new ArrayList<>();
        lines.add(Message.of("alertAdded.text", "alertId", added.alertId(), "what", what,
                "consultationId", consultation.consultationId(), "subject", consultation.subject(),
                "count", Integer.toString(added.alertCount())));
        lines.add(Message.of("alertAdded.alert", "severity", term("severity", added.severity()),
                "time", added.raisedAt()));
        lines.addAll(state(consultation));
        return new Notice(Notice.Kind.CONSULTATION, consultation.status(), title, lines);
    }

    public static Notice consultationEscalated(ConsultationState consultation, Country silent, String missed,
                                               ChainStep step) {
        return consultationEscalated(consultation, silent, missed, null, step);
    }

    /** {@code missed} is {@link ConsultationEscalated#MISSED_JOIN} or {@link ConsultationEscalated#MISSED_RESPOND}. */
    public static Notice consultationEscalated(ConsultationState consultation, Country silent, String missed,
                                               java.time.Instant dueAt, ChainStep step) {
        String deadline = ConsultationEscalated.MISSED_JOIN.equals(missed) ? "JOIN" : "RESPOND";
        Message title = Message.of("escalated.title", "step", term("step", step), "country", silent,
                "deadline", term("deadline", deadline), "subject", consultation.subject());
        List<Message> lines = new ArrayList<>();
        lines.add(Message.of("escalated.text." + deadline, "country", silent,
                "consultationId", consultation.consultationId(), "level", term("level", consultation.level())));
        if (dueAt != null) {
            lines.add(Message.of("escalated.dueAt", "time", dueAt));
        }
        lines.add(Message.of("escalated.you", "step", term("step", step), "country", silent));
        return new Notice(Notice.Kind.CONSULTATION_ESCALATED, consultation.status(), title, lines);
    }

    private static List<Message> state(ConsultationState c) {
        return List.of(
                Message.of("consultation.state", "level", term("level", c.level()),
                        "phase", term("phase", c.phase())),
                Message.of("consultation.participants", "participants", c.participants(), "joined", c.joined()));
    }

    /** E.g. {@code OVERFLIGHT of Japan: the predicted ground track crosses its territory}; the area as written. */
    private static Message threat(Threat threat) {
        Message what = Message.of("threat." + threat.kind().name(), "area", threat.area());
        if (!threat.disputed()) {
            return what;
        }
        if (threat.claimants() == null || threat.claimants().isEmpty()) {
            return Message.of("threat.disputed", "threat", what);
        }
        List<Object> claimants = new ArrayList<>();
        threat.claimants().stream().sorted().forEach(c -> claimants.add(Country.parse(c).map(Object.class::cast)
                .orElse(c)));
        return Message.of("threat.disputed.claimants", "threat", what, "claimants", claimants);
    }
}
