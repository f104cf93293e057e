package org.tcc.consultation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.consultation.ConsultationAlertAdded;
import org.tcc.contracts.events.consultation.ConsultationClosed;
import org.tcc.contracts.events.consultation.ConsultationConcluded;
import org.tcc.contracts.events.consultation.ConsultationConvened;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ConsultationEvent;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.ConsultationState;
import org.tcc.contracts.events.consultation.Level;
import org.tcc.contracts.events.consultation.ParticipantJoined;
import org.tcc.contracts.events.consultation.PositionSubmitted;
import org.tcc.contracts.events.consultation.ProposalAbstained;
import org.tcc.contracts.events.consultation.ProposalApproved;
import org.tcc.contracts.events.consultation.ProposalDeclined;
import org.tcc.contracts.events.consultation.ProposalSubmitted;

/**
 * A trilateral consultation: the workflow's rules, in plain Java.
 *
 * <pre>
 * CONVENING --(last participant joins)--> IN_SESSION --(propose, all positions in)--> PROPOSED
 * PROPOSED --(all responded, none declined, at least one approved)--> CONCLUDED
 * PROPOSED --(a decline, or everybody abstained)--> IN_SESSION (a revised proposal may follow)
 * CONVENING | IN_SESSION | PROPOSED --(a participant closes)--> CLOSED
 * CONVENING | IN_SESSION | PROPOSED --(every alert of it is cancelled)--> CANCELLED
 * CONVENING | IN_SESSION | PROPOSED --(an alert of the same crisis is added)--> same phase
 * </pre>
 *
 * Every command returns an {@link Outcome}: the events announcing the change (each with the snapshot right after
 * it; {@code version} grows by one per event), or a refusal naming the current phase. A refused command changes
 * nothing.
 */
public final class Consultation {

    /** Outcome text of a proposal every participant approved. */
    public static final String AGREED = "AGREED";
    /** Outcome text of a proposal approved by some, with the others abstaining. */
    public static final String AGREED_WITH_ABSTENTIONS = "AGREED_WITH_ABSTENTIONS";

    private static final Set<ConsultationPhase> OPEN =
            EnumSet.of(ConsultationPhase.CONVENING, ConsultationPhase.IN_SESSION, ConsultationPhase.PROPOSED);

    private final String id;
    private final String alertId;
    private final String subject;
    private final AlertType type;
    private final Region region;
    private final TrafficStatus status;
    private final Actor convenedBy;
    private final Instant convenedAt;
    private final Map<Country, Participant> participants = new EnumMap<>(Country.class);
    private final List<String> alertIds = new ArrayList<>();
    /** Whether {@link #alertIds} lists them all (else only {@link #alertCount} is known). */
    private final boolean alertsListed;
    private int alertCount;
    private Level level;
    private ConsultationPhase phase;
    private long version;
    private Instant updatedAt;
    private Proposal proposal;
    private String outcome;
    private String closeReason;
    private Actor closedBy;

    /**
     * Rebuilds a consultation from its stored state. {@code alertIds} lists its alerts in the order they were added,
     * the founding {@code alertId} first (empty for a consultation convened by hand).
     */
    public Consultation(String id, String alertId, List<String> alertIds, String subject, AlertType type,
                        Region region, TrafficStatus status, Level level, ConsultationPhase phase, long version,
                        Actor convenedBy, Instant convenedAt, Instant updatedAt, List<Participant> participants,
                        Proposal proposal, String outcome, String closeReason, Actor closedBy) {
        this(id, alertId, alertIds == null ? List.of() : alertIds, 0, subject, type, region, status, level, phase,
                version, convenedBy, convenedAt, updatedAt, participants, proposal, outcome, closeReason, closedBy);
    }

    /**
     * Rebuilds a consultation whose alerts are known by their list ({@code alertIds}), or only by their number
     * ({@code alertIds} null, {@code alertCount} of them: enough for another alert to join).
     */
    public Consultation(String id, String alertId, List<String> alertIds, int alertCount, String subject,
                        AlertType type, Region region, TrafficStatus status, Level level, ConsultationPhase phase,
                        long version, Actor convenedBy, Instant convenedAt, Instant updatedAt,
                        List<Participant> participants, Proposal proposal, String outcome, String closeReason,
                        Actor closedBy) {
        this.id = Objects.requireNonNull(id, "id");
        this.alertId = alertId;
        this.alertsListed = alertIds != null;
        if (alertIds != null) {
            this.alertIds.addAll(alertIds);
        }
        if (alertsListed && alertId != null && !this.alertIds.contains(alertId)) {
            this.alertIds.add(0, alertId);
        }
        this.alertCount = Math.max(alertCount, this.alertIds.size());
        this.subject = Objects.requireNonNull(subject, "subject");
        this.type = Objects.requireNonNull(type, "type");
        this.region = Objects.requireNonNull(region, "region");
        this.status = Objects.requireNonNull(status, "status");
        this.level = Objects.requireNonNull(level, "level");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.version = version;
        this.convenedBy = convenedBy;
        this.convenedAt = Objects.requireNonNull(convenedAt, "convenedAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (participants == null || participants.isEmpty()) {
            throw new IllegalArgumentException("a consultation needs at least one participant");
        }
        participants.forEach(p -> this.participants.put(p.country(), p));
        this.proposal = proposal;
        this.outcome = outcome;
        this.closeReason = closeReason;
        this.closedBy = closedBy;
    }

    /** What it takes to convene a consultation. {@code convenedBy} is null when a policy convenes it. */
    public record Convening(String id, String alertId, String subject, AlertType type, Region region,
                            TrafficStatus status, Level level, Set<Country> participants, Actor convenedBy) {
    }

    public record Convened(Consultation consultation, ConsultationConvened event) {
    }

    /** Convenes a consultation: phase CONVENING, every participant has until {@code now + join} to join. */
    public static Convened convene(Convening c, Instant now, Deadlines deadlines) {
        if (c.participants() == null || c.participants().isEmpty()) {
            throw new IllegalArgumentException("a consultation needs at least one participant");
        }
        Instant joinDue = now.plus(deadlines.join());
        List<Participant> invited = c.participants().stream().sorted()
                .map(country -> Participant.invited(country, joinDue)).toList();
        Consultation consultation = new Consultation(c.id(), c.alertId(), List.of(), c.subject(), c.type(), c.region(),
                c.status(), c.level(), ConsultationPhase.CONVENING, 1, c.convenedBy(), now, now, invited, null,
                null, null, null);
        return new Convened(consultation,
                new ConsultationConvened(consultation.state(), c.convenedBy(), joinDue));
    }

    // ---------------------------------------------------------------------------------------------- commands

    /**
     * An alert of the same unfolding crisis joins this open consultation (which of them join is decided by
     * {@link CrisisGrouping}): it is listed after the others, the participants are told, and the level rises to
     * {@code level} when that is higher (an Extreme alert joining a WORKING consultation takes it to SENIOR); it
     * never falls. Phase, participants, deadlines and a proposal on the table stay as they are.
     */
    public Outcome addAlert(String addedAlertId, String headline, Severity severity, Instant raisedAt, Level level,
                            Instant now) {
        Objects.requireNonNull(addedAlertId, "addedAlertId");
        if (alertIds.contains(addedAlertId)) {
            return refuse(Refusal.ALREADY_DONE, "alert " + addedAlertId + " is already part of the consultation");
        }
        if (!OPEN.contains(phase)) {
            return illegal("add an alert");
        }
        alertIds.add(addedAlertId);
        alertCount++;
        if (level != null && level.ordinal() > this.level.ordinal()) {
            this.level = level;
        }
        return applied(phase, new ConsultationAlertAdded(next(now), addedAlertId, headline, severity, raisedAt,
                alertCount));
    }

    /** The actor's country joins; the last one to join opens the session. */
    public Outcome join(Actor actor, Instant now) {
        Participant p = participants.get(actor.country());
        if (p == null) {
            return notParticipant(actor);
        }
        if (p.joined() && OPEN.contains(phase)) {
            return refuse(Refusal.ALREADY_DONE, actor.country() + " has already joined");
        }
        if (phase != ConsultationPhase.CONVENING) {
            return illegal("join");
        }
        ConsultationPhase before = phase;
        p.join(actor.subject(), now);
        if (participants.values().stream().allMatch(Participant::joined)) {
            phase = ConsultationPhase.IN_SESSION;
        }
        return applied(before, new ParticipantJoined(next(now), actor));
    }

    /** The actor's country states (or, while in session, revises) its assessment and position. */
    public Outcome submitPosition(Actor actor, String assessment, String position, Instant now) {
        Participant p = participants.get(actor.country());
        if (p == null) {
            return notParticipant(actor);
        }
        if (phase != ConsultationPhase.IN_SESSION) {
            return illegal("submit a position");
        }
        p.state(new Position(assessment, position, actor.subject(), now));
        return applied(phase, new PositionSubmitted(next(now), actor, assessment, position));
    }

    /**
     * The actor drafts a joint response once every participant has stated its position; each participant then has
     * until {@code now + respond} to approve, decline or abstain.
     */
    public Outcome propose(Actor actor, String proposalId, String statement, List<String> actions, Instant now,
                           Deadlines deadlines) {
        Participant p = participants.get(actor.country());
        if (p == null) {
            return notParticipant(actor);
        }
        if (phase != ConsultationPhase.IN_SESSION) {
            return illegal("propose a joint response");
        }
        List<Country> missing = participants.values().stream().filter(x -> x.position() == null)
                .map(Participant::country).toList();
        if (!missing.isEmpty()) {
            return refuse(Refusal.POSITIONS_MISSING, "waiting for the positions of " + missing);
        }
        ConsultationPhase before = phase;
        Instant due = now.plus(deadlines.respond());
        proposal = new Proposal(proposalId, statement, actions, actor, now, due);
        participants.values().forEach(x -> x.awaitReply(due));
        phase = ConsultationPhase.PROPOSED;
        return applied(before, new ProposalSubmitted(next(now), actor, proposalId, statement, actions, due));
    }

    public Outcome approve(Actor actor, String proposalId, Instant now) {
        return respond(actor, proposalId, Response.APPROVED, null, now);
    }

    /** Freedom of action: a decline defeats the proposal at once and the session resumes. */
    public Outcome decline(Actor actor, String proposalId, String reason, Instant now) {
        return respond(actor, proposalId, Response.DECLINED, requireReason(reason), now);
    }

    /** An abstention neither blocks nor joins the joint response. */
    public Outcome abstain(Actor actor, String proposalId, String reason, Instant now) {
        return respond(actor, proposalId, Response.ABSTAINED, requireReason(reason), now);
    }

    /** A participant ends the consultation without a joint response. */
    public Outcome close(Actor actor, String reason, Instant now) {
        if (!participants.containsKey(actor.country())) {
            return notParticipant(actor);
        }
        if (!OPEN.contains(phase)) {
            return illegal("close");
        }
        ConsultationPhase before = phase;
        end(ConsultationPhase.CLOSED, requireReason(reason), actor);
        return applied(before, new ConsultationClosed(next(now), actor, closeReason));
    }

    /** The underlying alert was withdrawn: the consultation ends as CANCELLED. */
    public Outcome cancel(String reason, Instant now) {
        if (!OPEN.contains(phase)) {
            return illegal("cancel");
        }
        ConsultationPhase before = phase;
        end(ConsultationPhase.CANCELLED, requireReason(reason), null);
        return applied(before, new ConsultationClosed(next(now), null, closeReason));
    }

    /**
     * Escalates for every participant past its running deadline (joining while CONVENING, responding while
     * PROPOSED): the level rises one step (it stays at MINISTERIAL, the top) and one event per silent country names
     * it. Each silent country then gets a fresh deadline at the new level, except at MINISTERIAL, where nothing is
     * left to escalate to and its deadline stops running. So one deadline escalates once.
     */
    public Outcome escalateOverdue(Instant now, Deadlines deadlines) {
        List<Participant> silent = overdue(now);
        if (silent.isEmpty()) {
            return refuse(Refusal.NOTHING_OVERDUE, "no participant is past a deadline");
        }
        Level from = level;
        Level to = from == Level.MINISTERIAL ? Level.MINISTERIAL : Level.values()[from.ordinal() + 1];
        level = to;
        boolean joining = phase == ConsultationPhase.CONVENING;
        List<ConsultationEvent> events = new ArrayList<>();
        for (Participant p : silent) {
            Instant dueAt = joining ? p.joinDue() : p.respondDue();
            Instant renewed = to == Level.MINISTERIAL ? null : now.plus(joining ? deadlines.join() : deadlines.respond());
            if (joining) {
                p.joinDue(renewed);
            } else {
                p.respondDue(renewed);
            }
            events.add(new ConsultationEscalated(next(now), p.country(),
                    joining ? ConsultationEscalated.MISSED_JOIN : ConsultationEscalated.MISSED_RESPOND, from, to,
                    dueAt));
        }
        return new Outcome.Applied(phase, phase, events);
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** Participants past their running deadline at {@code now}, in country order. */
    public List<Participant> overdue(Instant now) {
        return pending().stream().filter(d -> !d.due().isAfter(now)).map(Due::participant).toList();
    }

    /** The earliest running deadline, if any: when the escalation job must look at this consultation again. */
    public Optional<Instant> nextDeadline() {
        return pending().stream().map(Due::due).min(Comparator.naturalOrder());
    }

    public boolean isParticipant(Country country) {
        return participants.containsKey(country);
    }

    /** The snapshot events carry. */
    public ConsultationState state() {
        List<Country> countries = List.copyOf(participants.keySet());
        List<Country> joined = participants.values().stream().filter(Participant::joined)
                .map(Participant::country).toList();
        return new ConsultationState(id, alertId, subject, type, region, status, level, phase, countries, joined,
                version, convenedAt, updatedAt);
    }

    public String id() {
        return id;
    }

    /** The founding alert (the one that convened the consultation); null when convened by hand. */
    public String alertId() {
        return alertId;
    }

    /** Every alert of the consultation, in the order they were added, the founding one first. */
    /** How many alerts it lists. */
    public int alertCount() {
        return alertCount;
    }

    /**
     * Its alerts, founding one first.
     *
     * @throws IllegalStateException when it was rebuilt from its count only
     */
    public List<String> alertIds() {
        if (!alertsListed) {
            throw new IllegalStateException("consultation " + id + " was read without its list of alerts");
        }
        return List.copyOf(alertIds);
    }

    /** Whether the consultation is still open (CONVENING, IN_SESSION or PROPOSED). */
    public boolean isOpen() {
        return OPEN.contains(phase);
    }

    public String subject() {
        return subject;
    }

    public AlertType type() {
        return type;
    }

    public Region region() {
        return region;
    }

    public TrafficStatus status() {
        return status;
    }

    public Level level() {
        return level;
    }

    public ConsultationPhase phase() {
        return phase;
    }

    public long version() {
        return version;
    }

    public Actor convenedBy() {
        return convenedBy;
    }

    public Instant convenedAt() {
        return convenedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    public Optional<Participant> participant(Country country) {
        return Optional.ofNullable(participants.get(country));
    }

    public Proposal proposal() {
        return proposal;
    }

    public String outcome() {
        return outcome;
    }

    public String closeReason() {
        return closeReason;
    }

    public Actor closedBy() {
        return closedBy;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Outcome respond(Actor actor, String proposalId, Response response, String reason, Instant now) {
        Participant p = participants.get(actor.country());
        if (p == null) {
            return notParticipant(actor);
        }
        if (phase != ConsultationPhase.PROPOSED) {
            return illegal("respond to a proposal");
        }
        if (!proposal.id().equals(proposalId)) {
            return refuse(Refusal.NOT_THE_CURRENT_PROPOSAL, "the proposal on the table is " + proposal.id());
        }
        if (p.reply() != null) {
            return refuse(Refusal.ALREADY_DONE, actor.country() + " has already responded ("
                    + p.reply().response() + ")");
        }
        ConsultationPhase before = phase;
        p.reply(new Reply(response, reason, actor.subject(), now));
        List<ConsultationEvent> events = new ArrayList<>();
        if (response == Response.DECLINED) {
            reopenSession();
            events.add(new ProposalDeclined(next(now), actor, proposalId, reason));
            return new Outcome.Applied(before, phase, events);
        }
        boolean allReplied = participants.values().stream().allMatch(x -> x.reply() != null);
        boolean anyApproved = participants.values().stream()
                .anyMatch(x -> x.reply() != null && x.reply().response() == Response.APPROVED);
        if (allReplied && !anyApproved) {
            reopenSession(); // everybody abstained: there is no joint response to conclude
        }
        events.add(response == Response.APPROVED
                ? new ProposalApproved(next(now), actor, proposalId)
                : new ProposalAbstained(next(now), actor, proposalId, reason));
        if (allReplied && anyApproved) {
            boolean unanimous = participants.values().stream()
                    .allMatch(x -> x.reply().response() == Response.APPROVED);
            outcome = unanimous ? AGREED : AGREED_WITH_ABSTENTIONS;
            phase = ConsultationPhase.CONCLUDED;
            clearDeadlines();
            events.add(new ConsultationConcluded(next(now), proposal.id(), proposal.statement(), proposal.actions(),
                    outcome));
        }
        return new Outcome.Applied(before, phase, events);
    }

    private void reopenSession() {
        phase = ConsultationPhase.IN_SESSION;
        clearDeadlines();
    }

    private void end(ConsultationPhase terminal, String reason, Actor by) {
        phase = terminal;
        closeReason = reason;
        closedBy = by;
        clearDeadlines();
    }

    private void clearDeadlines() {
        participants.values().forEach(p -> {
            p.joinDue(null);
            p.respondDue(null);
        });
    }

    private record Due(Participant participant, Instant due) {
    }

    private List<Due> pending() {
        return switch (phase) {
            case CONVENING -> participants.values().stream().filter(p -> !p.joined() && p.joinDue() != null)
                    .map(p -> new Due(p, p.joinDue())).toList();
            case PROPOSED -> participants.values().stream().filter(p -> p.reply() == null && p.respondDue() != null)
                    .map(p -> new Due(p, p.respondDue())).toList();
            default -> List.of();
        };
    }

    private ConsultationState next(Instant now) {
        version++;
        updatedAt = now;
        return state();
    }

    private static Outcome applied(ConsultationPhase before, ConsultationEvent event) {
        return new Outcome.Applied(before, phaseOf(event), List.of(event));
    }

    private static ConsultationPhase phaseOf(ConsultationEvent event) {
        return event.consultation().phase();
    }

    private Outcome notParticipant(Actor actor) {
        return refuse(Refusal.NOT_A_PARTICIPANT, actor.country() + " is not a participant");
    }

    private Outcome illegal(String what) {
        return refuse(Refusal.ILLEGAL_IN_PHASE, "cannot " + what + " while the consultation is " + phase);
    }

    private Outcome refuse(Refusal refusal, String detail) {
        return new Outcome.Refused(refusal, phase, detail);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return reason;
    }

    @Override
    public String toString() {
        return "Consultation[" + id + " " + phase + " " + level + " v" + version + " "
                + participants.keySet().stream().map(Enum::name).collect(Collectors.joining(",")) + "]";
    }
}
