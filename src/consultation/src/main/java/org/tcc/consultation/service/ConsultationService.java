package org.tcc.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.tcc.consultation.config.Rules;
import org.tcc.consultation.domain.Consultation;
import org.tcc.consultation.domain.ConvenePolicy;
import org.tcc.consultation.domain.CrisisGrouping;
import org.tcc.consultation.domain.Outcome;
import org.tcc.consultation.repository.ConsultationAlertEntity;
import org.tcc.consultation.repository.ConsultationEntity;
import org.tcc.consultation.repository.ConsultationMapper;
import org.tcc.consultation.repository.ConsultationRepository;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertCancelled;
import org.tcc.contracts.events.alert.AlertEvent;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertResolved;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ConsultationEvent;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.Level;
import org.tcc.kit.outbox.Outbox;
import org.tcc.kit.rest.Problem;

/**
 * The consultation workflow's use cases. Each runs in one transaction: load, let the domain decide, store the new
 * state, append the events to the outbox and the action to the audit log, all or nothing. A batch of alert events is
 * one such transaction: its consultations are read in one query, its changes go to the database in JDBC batches, and
 * its audit entries are appended last, together (so its row locks come before the audit chain's lock, the order every
 * transaction keeps).
 */
@ApplicationScoped
public class ConsultationService {

    /** Audit subject of what the service does by itself (policy convening, alert updates, escalations). */
    public static final String SERVICE_SUBJECT = "tcc-consultation";

    private static final Logger LOG = Logger.getLogger(ConsultationService.class);

    @Inject
    ConsultationRepository repository;

    @Inject
    ConsultationMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Rules rules;

    /** A consultation convened by hand, for a contingency without a sensor alert. */
    public record ManualConvening(String subject, AlertType type, Region region, TrafficStatus status, Level level,
                                  Set<Country> participants) {
    }

    // ------------------------------------------------------------------------------------- liaison actions

    @Transactional
    public Consultation convene(Actor by, ManualConvening m) {
        if (!m.participants().contains(by.country())) {
            throw Problem.forbidden("a liaison of " + by.country() + " can only convene a consultation "
                    + by.country() + " takes part in");
        }
        Consultation.Convened convened = Consultation.convene(new Consultation.Convening(UUID.randomUUID().toString(),
                null, m.subject(), m.type(), m.region(), m.status() == null ? TrafficStatus.ACTUAL : m.status(),
                m.level() == null ? Level.WORKING : m.level(), m.participants(), by), Instant.now(), rules.deadlines());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", "liaison");
        details.put("subject", m.subject());
        details.put("participants", convened.consultation().state().participants());
        details.put("level", convened.consultation().level());
        details.put("status", convened.consultation().status());
        store(convened, by.subject(), by.country(), details, immediate());
        return convened.consultation();
    }

    @Transactional
    public Consultation join(UUID id, Actor actor) {
        return act(id, actor, "JOIN", Map.of(), c -> c.join(actor, Instant.now()));
    }

    @Transactional
    public Consultation submitPosition(UUID id, Actor actor, String assessment, String position) {
        return act(id, actor, "SUBMIT_POSITION", details("assessment", assessment, "position", position),
                c -> c.submitPosition(actor, assessment, position, Instant.now()));
    }

    @Transactional
    public Consultation propose(UUID id, Actor actor, String statement, List<String> actions) {
        String proposalId = UUID.randomUUID().toString();
        return act(id, actor, "PROPOSE", details("proposalId", proposalId, "statement", statement, "actions", actions),
                c -> c.propose(actor, proposalId, statement, actions, Instant.now(), rules.deadlines()));
    }

    @Transactional
    public Consultation approve(UUID id, Actor actor, String proposalId) {
        return act(id, actor, "APPROVE", details("proposalId", proposalId),
                c -> c.approve(actor, proposalId, Instant.now()));
    }

    @Transactional
    public Consultation decline(UUID id, Actor actor, String proposalId, String reason) {
        return act(id, actor, "DECLINE", details("proposalId", proposalId, "reason", reason),
                c -> c.decline(actor, proposalId, reason, Instant.now()));
    }

    @Transactional
    public Consultation abstain(UUID id, Actor actor, String proposalId, String reason) {
        return act(id, actor, "ABSTAIN", details("proposalId", proposalId, "reason", reason),
                c -> c.abstain(actor, proposalId, reason, Instant.now()));
    }

    @Transactional
    public Consultation close(UUID id, Actor actor, String reason) {
        return act(id, actor, "CLOSE", details("reason", reason), c -> c.close(actor, reason, Instant.now()));
    }

    @Transactional
    public Optional<ConsultationPhase> currentPhase(UUID id) {
        return repository.findByIdOptional(id).map(e -> e.phase);
    }

    // ------------------------------------------------------------------------------------------ alert events

    /**
     * Applies a batch of alert events in order (already recorded as processed by the caller's transaction), an event
     * seeing what the batch's earlier events did. First the locks of the crises the batch may convene or join are
     * taken (in one order), then the consultations of all its alerts and the open consultations of those crises are
     * read at once; an alert that meets the convening policy joins an open consultation of its crisis
     * ({@link CrisisGrouping}) or convenes its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertEvents(List<ReceivedAlertEvent> batch) {
        ConvenePolicy policy = rules.convenePolicy();
        CrisisGrouping grouping = rules.crisisGrouping();
        Set<CrisisGrouping.Key> keys = new TreeSet<>();
        for (ReceivedAlertEvent r : batch) {
            AlertState alert = r.event().alert();
            if (mayConvene(r.type()) && policy.decide(alert) instanceof ConvenePolicy.Convene) {
                keys.add(keyOf(alert));
            }
        }
        if (grouping.enabled()) {
            repository.lockCrises(keys);
        }
        List<UUID> alertIds = batch.stream().map(r -> UUID.fromString(r.event().alert().alertId())).distinct()
                .toList();
        Map<UUID, ConsultationAlertEntity> links = repository.findAlertLinks(alertIds);
        Crises crises = new Crises();
        if (grouping.enabled()) {
            repository.openCrises(keys).forEach(o -> crises.add(o.consultation(), o.firstAlertAt(), o.lastAlertAt()));
        }
        List<ConsultationEntity> convened = new ArrayList<>();
        List<ConsultationAlertEntity> added = new ArrayList<>();
        List<AuditLog.Action> trail = new ArrayList<>();
        Effects effects = new Effects(convened::add, trail::add);
        Batch state = new Batch(policy, grouping, links, crises, added, effects);
        for (ReceivedAlertEvent received : batch) {
            onAlertEvent(received.type(), received.event(), received.eventId(), state);
        }
        // persisted last, so one convened and then updated by the same batch is inserted once, in its final state
        repository.persist(convened);
        added.forEach(link -> repository.getEntityManager().persist(link));
        audit.appendAll(trail);
    }

    /** What one batch of alert events works on. */
    private record Batch(ConvenePolicy policy, CrisisGrouping grouping, Map<UUID, ConsultationAlertEntity> links,
                         Crises crises, List<ConsultationAlertEntity> added, Effects effects) {
    }

    /** The open policy consultations of the batch's crises, as the batch has changed them so far. */
    private static final class Crises {

        private final Map<String, OpenCrisis> byId = new LinkedHashMap<>();

        private static final class OpenCrisis {
            final ConsultationEntity entity;
            Instant first;
            Instant last;

            OpenCrisis(ConsultationEntity entity, Instant first, Instant last) {
                this.entity = entity;
                this.first = first;
                this.last = last;
            }
        }

        void add(ConsultationEntity entity, Instant first, Instant last) {
            byId.put(entity.id.toString(), new OpenCrisis(entity, first, last));
        }

        ConsultationEntity entity(String id) {
            return byId.get(id).entity;
        }

        void extend(String id, Instant raisedAt) {
            OpenCrisis o = byId.get(id);
            o.first = raisedAt.isBefore(o.first) ? raisedAt : o.first;
            o.last = raisedAt.isAfter(o.last) ? raisedAt : o.last;
        }

        /** Those still open (one cancelled by this batch is not). */
        List<CrisisGrouping.Open> open() {
            List<CrisisGrouping.Open> open = new ArrayList<>();
            for (OpenCrisis o : byId.values()) {
                ConsultationEntity e = o.entity;
                if (OPEN_PHASES.contains(e.phase)) {
                    Set<Country> participants = EnumSet.noneOf(Country.class);
                    e.participants.forEach(p -> participants.add(p.country));
                    open.add(new CrisisGrouping.Open(e.id.toString(),
                            new CrisisGrouping.Key(e.type, e.region, e.trafficStatus), participants, o.first, o.last));
                }
            }
            return open;
        }
    }

    private static final Set<ConsultationPhase> OPEN_PHASES =
            EnumSet.of(ConsultationPhase.CONVENING, ConsultationPhase.IN_SESSION, ConsultationPhase.PROPOSED);

    private static boolean mayConvene(EventType type) {
        return type == EventType.ALERT_RAISED || type == EventType.ALERT_UPDATED;
    }

    private static CrisisGrouping.Key keyOf(AlertState alert) {
        return new CrisisGrouping.Key(alert.type(), alert.region(), alert.status());
    }

    private void onAlertEvent(EventType type, AlertEvent event, String eventId, Batch batch) {
        AlertState alert = event.alert();
        UUID alertId = UUID.fromString(alert.alertId());
        ConsultationAlertEntity link = batch.links().get(alertId);
        if (link == null) {
            if (mayConvene(type)) {
                conveneOrJoin(alert, eventId, batch).ifPresent(added -> batch.links().put(alertId, added));
            }
            return;
        }
        if (alert.version() <= link.alertVersion) {
            LOG.debugf("alert %s version %d is not newer than %d: ignored", alertId, alert.version(),
                    link.alertVersion);
            return;
        }
        link.alertVersion = alert.version();
        link.lifecycle = alert.lifecycle();
        ConsultationEntity entity = link.consultation;
        Effects effects = batch.effects();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alertId", alert.alertId());
        details.put("alertEventId", eventId);
        details.put("alertVersion", alert.version());
        switch (type) {
            case ALERT_CANCELLED -> {
                AlertCancelled cancelled = (AlertCancelled) event;
                String reason = "alert cancelled" + (cancelled.reason() == null ? "" : ": " + cancelled.reason());
                details.put("reason", cancelled.reason());
                if (cancelled.cancelledBy() != null) {
                    details.put("cancelledBy", cancelled.cancelledBy());
                }
                // cancelled once every alert of it is withdrawn (as before for one alert); until then it is noted
                long standing = entity.alerts.stream().filter(a -> a.lifecycle != AlertLifecycle.CANCELLED).count();
                if (standing > 0) {
                    details.put("alertsStanding", standing);
                    timeline(entity, "ALERT_CANCELLED", details, effects);
                    return;
                }
                Consultation c = mapper.toDomain(entity);
                Outcome outcome = c.cancel(truncate(reason, 4000), Instant.now());
                if (outcome instanceof Outcome.Applied applied) {
                    record(c, entity, applied, SERVICE_SUBJECT, null, "CANCEL", details, effects);
                } else {
                    timeline(entity, "ALERT_CANCELLED", details, effects);
                }
            }
            case ALERT_UPDATED -> {
                AlertUpdated updated = (AlertUpdated) event;
                details.put("changedFields", updated.changedFields());
                details.put("reason", updated.reason());
                details.put("severity", alert.severity());
                details.put("headline", alert.headline());
                timeline(entity, "ALERT_UPDATED", details, effects);
            }
            case ALERT_RESOLVED -> {
                details.put("reason", ((AlertResolved) event).reason());
                timeline(entity, "ALERT_RESOLVED", details, effects);
            }
            case ALERT_ACKNOWLEDGED -> timeline(entity, "ALERT_ACKNOWLEDGED", details, effects);
            default -> LOG.debugf("alert %s: %s changes nothing", alertId, type);
        }
    }

    /**
     * An alert not yet in a consultation that meets the convening policy joins the open consultation of its crisis
     * or convenes its own; returns its link, empty when the policy skips it.
     */
    /** What the audit entry of a policy decision on an alert says first: which alert, event and version. */
    private static Map<String, Object> policyDetails(AlertState alert, String eventId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", "policy");
        details.put("alertId", alert.alertId());
        details.put("alertEventId", eventId);
        details.put("alertVersion", alert.version());
        details.put("severity", alert.severity());
        return details;
    }

    private Optional<ConsultationAlertEntity> conveneOrJoin(AlertState alert, String eventId, Batch batch) {
        ConvenePolicy.Decision decision = batch.policy().decide(alert);
        if (decision instanceof ConvenePolicy.Skip skip) {
            LOG.debugf("alert %s does not convene: %s", alert.alertId(), skip.reason());
            return Optional.empty();
        }
        ConvenePolicy.Convene convene = (ConvenePolicy.Convene) decision;
        Instant now = Instant.now();
        Instant raisedAt = alert.raisedAt() != null ? alert.raisedAt()
                : alert.updatedAt() != null ? alert.updatedAt() : now;
        CrisisGrouping.Key key = keyOf(alert);
        CrisisGrouping.Decision grouped = batch.grouping().group(key, convene.participants(), raisedAt,
                batch.crises().open());
        if (grouped instanceof CrisisGrouping.Join join) {
            ConsultationEntity entity = batch.crises().entity(join.consultationId());
            Consultation c = mapper.toDomainForJoining(entity);
            Outcome outcome = c.addAlert(alert.alertId(), truncate(alert.headline(), 256), alert.severity(),
                    raisedAt, convene.level(), now);
            if (outcome instanceof Outcome.Applied applied) {
                Map<String, Object> details = policyDetails(alert, eventId);
                details.put("headline", alert.headline());
                details.put("raisedAt", raisedAt);
                details.put("alertCount", c.alertCount());
                record(c, entity, applied, SERVICE_SUBJECT, null, "ALERT_ADDED", details, batch.effects());
                ConsultationAlertEntity link = mapper.addAlert(entity, alert, raisedAt, now);
                batch.added().add(link);
                batch.crises().extend(join.consultationId(), raisedAt);
                return Optional.of(link);
            }
            LOG.warnf("alert %s could not join consultation %s (%s): it convenes its own", alert.alertId(),
                    join.consultationId(), ((Outcome.Refused) outcome).detail());
            grouped = new CrisisGrouping.ConveneOwn("could not join consultation " + join.consultationId());
        }
        Consultation.Convened convened = Consultation.convene(new Consultation.Convening(UUID.randomUUID().toString(),
                alert.alertId(), truncate(alert.headline(), 256), alert.type(), alert.region(), alert.status(),
                convene.level(), convene.participants(), null), now, rules.deadlines());
        Map<String, Object> details = policyDetails(alert, eventId);
        details.put("participants", convened.consultation().state().participants());
        details.put("level", convene.level());
        details.put("status", alert.status());
        details.put("raisedAt", raisedAt);
        details.put("grouping", ((CrisisGrouping.ConveneOwn) grouped).reason());
        ConsultationEntity entity = store(convened, SERVICE_SUBJECT, null, details, batch.effects());
        ConsultationAlertEntity link = mapper.addAlert(entity, alert, raisedAt, now);
        batch.crises().add(entity, raisedAt, raisedAt);
        return Optional.of(link);
    }

    // ------------------------------------------------------------------------------------------- escalation

    /**
     * Escalates the next consultation with a participant past its deadline, if any; true when one was handled.
     * Its own transaction: the row lock ({@code SKIP LOCKED}) keeps other replicas off it until commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean escalateNextOverdue(Set<UUID> skip) {
        Instant now = Instant.now();
        Optional<UUID> next = repository.lockNextDue(now, skip);
        if (next.isEmpty()) {
            return false;
        }
        try {
            escalate(next.get(), now);
        } catch (RuntimeException e) {
            throw new EscalationFailed(next.get(), e);
        }
        return true;
    }

    /** Escalating one consultation failed (its transaction is rolled back); the job skips it for this run. */
    public static class EscalationFailed extends RuntimeException {

        private final UUID consultationId;

        EscalationFailed(UUID consultationId, RuntimeException cause) {
            super("escalation of consultation " + consultationId + " failed: " + cause, cause);
            this.consultationId = consultationId;
        }

        public UUID consultationId() {
            return consultationId;
        }
    }

    private void escalate(UUID id, Instant now) {
        ConsultationEntity entity = repository.findById(id);
        Consultation c = mapper.toDomain(entity);
        Outcome outcome = c.escalateOverdue(now, rules.deadlines());
        if (!(outcome instanceof Outcome.Applied applied)) {
            mapper.write(c, entity); // a stale work-list entry: recompute the next deadline
            return;
        }
        List<ConsultationEvent> fresh = new ArrayList<>();
        List<Map<String, Object>> silent = new ArrayList<>();
        for (ConsultationEvent event : applied.events()) {
            ConsultationEscalated e = (ConsultationEscalated) event;
            if (repository.recordEscalation(entity.id, e.silentCountry(), e.missed(), e.dueAt(), e.fromLevel().name(),
                    e.toLevel().name(), now)) {
                fresh.add(e);
                silent.add(details("country", e.silentCountry(), "missed", e.missed(), "dueAt", e.dueAt()));
            } else {
                LOG.warnf("consultation %s: deadline %s of %s was already escalated", entity.id, e.dueAt(),
                        e.silentCountry());
            }
        }
        ConsultationEscalated first = (ConsultationEscalated) applied.events().get(0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromLevel", first.fromLevel());
        details.put("toLevel", first.toLevel());
        details.put("silent", silent);
        record(c, entity, new Outcome.Applied(applied.before(), applied.after(), fresh), SERVICE_SUBJECT, null,
                "ESCALATE", details, immediate());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Consultation act(UUID id, Actor actor, String action, Map<String, Object> details,
                             Function<Consultation, Outcome> command) {
        ConsultationEntity entity = repository.findVisible(id, actor.country())
                .orElseThrow(() -> Problem.notFound("consultation " + id));
        Consultation c = mapper.toDomain(entity);
        Outcome outcome = command.apply(c);
        if (outcome instanceof Outcome.Refused refused) {
            throw refusal(id, refused);
        }
        record(c, entity, (Outcome.Applied) outcome, actor.subject(), actor.country(), action, details,
                immediate());
        return c;
    }

    private static Problem refusal(UUID id, Outcome.Refused refused) {
        if (refused.refusal() == org.tcc.consultation.domain.Refusal.NOT_A_PARTICIPANT) {
            return Problem.notFound("consultation " + id);
        }
        return Problem.conflict(refused.detail(), Map.of("currentState", refused.phase().name(),
                "refusal", refused.refusal().name()));
    }

    /**
     * Where a use case's new consultations and audit entries go: to the persistence context and the audit log at
     * once ({@link #immediate()}, one action), or collected to be stored together at the end of a batch.
     */
    private record Effects(Consumer<ConsultationEntity> persist, Consumer<AuditLog.Action> audit) {
    }

    private Effects immediate() {
        return new Effects(entity -> repository.persist(entity), action -> audit.append(action));
    }

    /**
     * Stores a new consultation, its event in the outbox and its audit entry; nothing is flushed here (the inserts
     * go with the transaction's others).
     */
    private ConsultationEntity store(Consultation.Convened convened, String subject, Country country,
                                     Map<String, Object> details, Effects effects) {
        Consultation c = convened.consultation();
        ConsultationEntity entity = mapper.newEntity(c);
        effects.persist().accept(entity);
        outbox.append(EventType.CONSULTATION_CONVENED, convened.event());
        details.put("events", List.of(EventType.CONSULTATION_CONVENED.typeName()));
        details.put("version", c.version());
        details.put("joinDeadline", convened.event().joinDeadline());
        effects.audit().accept(new AuditLog.Action(entity.id, subject, country, "CONVENE", null, c.phase(),
                details));
        return entity;
    }

    /**
     * Stores the change, then outbox and audit, in that order. The optimistic lock is checked when the change is
     * flushed: by the audit log's first append of the transaction ({@link AuditLog#append}), still inside the use
     * case, so a lost race surfaces there.
     */
    private void record(Consultation c, ConsultationEntity entity, Outcome.Applied applied, String subject,
                        Country country, String action, Map<String, Object> details, Effects effects) {
        mapper.write(c, entity);
        List<String> types = new ArrayList<>();
        for (ConsultationEvent event : applied.events()) {
            EventType type = EventType.ofPayload(event.getClass())
                    .orElseThrow(() -> new IllegalStateException("no event type for " + event.getClass()));
            outbox.append(type, event);
            types.add(type.typeName());
        }
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("events", types);
        all.put("version", c.version());
        all.put("level", c.level());
        if (c.outcome() != null && c.phase() == ConsultationPhase.CONCLUDED) {
            all.put("outcome", c.outcome());
        }
        effects.audit().accept(new AuditLog.Action(entity.id, subject, country, action, applied.before(),
                applied.after(), all));
    }

    private static void timeline(ConsultationEntity entity, String action, Map<String, Object> details,
                                 Effects effects) {
        effects.audit().accept(new AuditLog.Action(entity.id, SERVICE_SUBJECT, null, action, entity.phase, entity.phase,
                details));
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
