package org.tcc.consultation.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcc.consultation.domain.Consultation;
import org.tcc.consultation.domain.Participant;
import org.tcc.consultation.domain.Position;
import org.tcc.consultation.domain.Proposal;
import org.tcc.consultation.domain.Reply;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.alert.AlertState;

/** Moves a consultation between its stored form and the domain's. */
@ApplicationScoped
public class ConsultationMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    public Consultation toDomain(ConsultationEntity e) {
        return toDomain(e, e.alerts.stream().map(a -> a.alertId.toString()).toList());
    }

    /**
     * The consultation without the list of its alerts (only their count): what an alert joining it needs, read
     * in constant time however many alerts the crisis already has.
     */
    public Consultation toDomainForJoining(ConsultationEntity e) {
        return toDomain(e, null);
    }

    private Consultation toDomain(ConsultationEntity e, List<String> alertIds) {
        List<Participant> participants = e.participants.stream().map(p -> new Participant(p.country, p.joinDueAt,
                p.joinedAt, p.joinedBy,
                p.position == null ? null : new Position(p.assessment, p.position, p.positionBy, p.positionAt),
                p.response == null ? null : new Reply(p.response, p.responseReason, p.responseBy, p.responseAt),
                p.respondDueAt)).toList();
        Proposal proposal = e.proposalId == null ? null : new Proposal(e.proposalId, e.proposalStatement,
                readActions(e.proposalActions), actor(e.proposedBySubject, e.proposedByCountry), e.proposedAt,
                e.proposalDeadline);
        return new Consultation(e.id.toString(), e.alertId == null ? null : e.alertId.toString(), alertIds,
                e.alertCount, e.subject, e.type,
                e.region, e.trafficStatus, e.level, e.phase, e.revision,
                actor(e.convenedBySubject, e.convenedByCountry), e.convenedAt, e.updatedAt, participants, proposal,
                e.outcome, e.closeReason, actor(e.closedBySubject, e.closedByCountry));
    }

    /** A new entity holding a just-convened consultation. */
    public ConsultationEntity newEntity(Consultation c) {
        ConsultationEntity e = new ConsultationEntity();
        e.id = UUID.fromString(c.id());
        e.alertId = c.alertId() == null ? null : UUID.fromString(c.alertId());
        e.subject = c.subject();
        e.type = c.type();
        e.region = c.region();
        e.trafficStatus = c.status();
        e.convenedAt = c.convenedAt();
        if (c.convenedBy() != null) {
            e.convenedBySubject = c.convenedBy().subject();
            e.convenedByCountry = c.convenedBy().country();
        }
        for (Participant p : c.participants()) {
            ParticipantEntity pe = new ParticipantEntity();
            pe.consultation = e;
            pe.country = p.country();
            e.participants.add(pe);
        }
        write(c, e);
        return e;
    }

    /**
     * Lists an alert in the consultation (the next ordinal) and returns the stored link; it is inserted with the
     * consultation (cascade) or, for a stored one, when the transaction flushes.
     */
    public ConsultationAlertEntity addAlert(ConsultationEntity e, AlertState alert, Instant raisedAt, Instant now) {
        ConsultationAlertEntity a = new ConsultationAlertEntity();
        a.alertId = UUID.fromString(alert.alertId());
        a.consultation = e;
        a.ordinal = e.alertCount;
        a.alertVersion = alert.version();
        a.lifecycle = alert.lifecycle();
        a.raisedAt = raisedAt;
        a.addedAt = now;
        e.alertCount++;
        e.firstAlertAt = e.firstAlertAt == null || raisedAt.isBefore(e.firstAlertAt) ? raisedAt : e.firstAlertAt;
        e.lastAlertAt = e.lastAlertAt == null || raisedAt.isAfter(e.lastAlertAt) ? raisedAt : e.lastAlertAt;
        e.alerts.add(a); // an uninitialised bag queues the addition: the crisis' other alerts are not read
        return a;
    }

    /** Copies the domain's mutable state onto the stored entity. */
    public void write(Consultation c, ConsultationEntity e) {
        e.level = c.level();
        e.phase = c.phase();
        e.revision = c.version();
        e.updatedAt = c.updatedAt();
        e.nextDueAt = c.nextDeadline().orElse(null);
        Proposal proposal = c.proposal();
        if (proposal != null) {
            e.proposalId = proposal.id();
            e.proposalStatement = proposal.statement();
            e.proposalActions = new String(Json.toBytes(proposal.actions()), java.nio.charset.StandardCharsets.UTF_8);
            e.proposedBySubject = proposal.by().subject();
            e.proposedByCountry = proposal.by().country();
            e.proposedAt = proposal.at();
            e.proposalDeadline = proposal.responseDeadline();
        }
        e.outcome = c.outcome();
        e.closeReason = c.closeReason();
        if (c.closedBy() != null) {
            e.closedBySubject = c.closedBy().subject();
            e.closedByCountry = c.closedBy().country();
        }
        Map<Country, ParticipantEntity> stored = new HashMap<>();
        e.participants.forEach(p -> stored.put(p.country, p));
        for (Participant p : c.participants()) {
            ParticipantEntity pe = stored.get(p.country());
            pe.joinDueAt = p.joinDue();
            pe.joinedAt = p.joinedAt();
            pe.joinedBy = p.joinedBy();
            Position position = p.position();
            pe.assessment = position == null ? null : position.assessment();
            pe.position = position == null ? null : position.position();
            pe.positionBy = position == null ? null : position.by();
            pe.positionAt = position == null ? null : position.at();
            Reply reply = p.reply();
            pe.response = reply == null ? null : reply.response();
            pe.responseReason = reply == null ? null : reply.reason();
            pe.responseBy = reply == null ? null : reply.by();
            pe.responseAt = reply == null ? null : reply.at();
            pe.respondDueAt = p.respondDue();
        }
    }

    private static Actor actor(String subject, Country country) {
        return subject == null ? null : new Actor(subject, country);
    }

    private static List<String> readActions(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored proposal actions are not a JSON array: " + e.getMessage(), e);
        }
    }
}
