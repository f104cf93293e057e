package org.tcc.consultation.rest;

import java.time.Instant;
import java.util.List;
import org.tcc.consultation.domain.Consultation;
import org.tcc.consultation.domain.Participant;
import org.tcc.consultation.domain.Proposal;
import org.tcc.consultation.domain.Response;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.Level;

/**
 * A consultation as its participants see it: phase, level, each country's progress and deadlines, the proposal.
 * {@code alertIds} lists the alerts of the crisis in the order they joined; {@code alertId} is the founding one (the
 * first of {@code alertIds}), kept for one more API version (deprecated).
 */
public record ConsultationView(String id, String alertId, List<String> alertIds, String subject, AlertType type, Region region,
                               TrafficStatus status, Level level, ConsultationPhase phase, long version,
                               Actor convenedBy, Instant convenedAt, Instant updatedAt, Instant nextDeadline,
                               List<ParticipantView> participants, ProposalView proposal, String outcome,
                               String closeReason, Actor closedBy) {

    public record ParticipantView(Country country, boolean joined, Instant joinedAt, String joinedBy,
                                  Instant joinDeadline, String assessment, String position, Instant positionAt,
                                  Response response, String responseReason, Instant respondedAt,
                                  Instant responseDeadline) {
    }

    public record ProposalView(String id, String statement, List<String> actions, Actor by, Instant at,
                               Instant responseDeadline) {
    }

    public static ConsultationView of(Consultation c) {
        List<ParticipantView> participants = c.participants().stream().map(ConsultationView::participant).toList();
        Proposal p = c.proposal();
        ProposalView proposal = p == null ? null
                : new ProposalView(p.id(), p.statement(), p.actions(), p.by(), p.at(), p.responseDeadline());
        return new ConsultationView(c.id(), c.alertId(), c.alertIds(), c.subject(), c.type(), c.region(), c.status(), c.level(),
                c.phase(), c.version(), c.convenedBy(), c.convenedAt(), c.updatedAt(), c.nextDeadline().orElse(null),
                participants, proposal, c.outcome(), c.closeReason(), c.closedBy());
    }

    private static ParticipantView participant(Participant p) {
        return new ParticipantView(p.country(), p.joined(), p.joinedAt(), p.joinedBy(), p.joinDue(),
                p.position() == null ? null : p.position().assessment(),
                p.position() == null ? null : p.position().position(),
                p.position() == null ? null : p.position().at(),
                p.reply() == null ? null : p.reply().response(),
                p.reply() == null ? null : p.reply().reason(),
                p.reply() == null ? null : p.reply().at(),
                p.respondDue());
    }
}
