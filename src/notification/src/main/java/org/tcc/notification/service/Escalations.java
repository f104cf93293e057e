package org.tcc.notification.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.kit.messaging.BatchConsumer;
import org.tcc.kit.observability.TraceContext;
import org.tcc.kit.observability.Tracing;
import org.tcc.notification.config.NotificationConfig;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.EscalationPolicy;
import org.tcc.notification.domain.Notices;
import org.tcc.notification.repository.Escalation;
import org.tcc.notification.repository.EscalationRepository;
import org.tcc.notification.repository.RecipientRepository;

/**
 * Acknowledgement escalation. Each alert event updates the watches of its alert (start for silent countries, stop for
 * those that acknowledged, stop all when the alert no longer escalates); a scheduler notifies the next chain step of
 * every watch that is due. All state is in the {@code escalation} table; due rows are locked with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of replicas may run the scheduler.
 *
 * <p>Tracing: a watch keeps the trace context of the alert event that started it; each step the scheduler takes is a
 * span ({@code notification escalate}) that is a <em>child</em> of it, and the step's notices (stream, e-mail,
 * webhook) continue that span, so one report's trace shows every notification it caused, the escalations included.
 * A child rather than a span link: each step has exactly one cause (a fan-in, as a batch apply is, would be linked)
 * and the chain is short (at most two steps after the liaison), so the trace stays bounded; the gap before the span is
 * the silence that caused it.
 */
@ApplicationScoped
public class Escalations {

    /** {@code ce_type}-shaped name of the notifications an overdue acknowledgement sends. */
    public static final String OVERDUE_TYPE = "org.tcc.notification.AcknowledgementOverdue.v1";
    private static final Logger LOG = Logger.getLogger(Escalations.class);

    @Inject
    EscalationRepository escalations;

    @Inject
    NotificationMetrics metrics;

    @Inject
    RecipientRepository recipients;

    @Inject
    NotificationPlanner planner;

    @Inject
    org.tcc.notification.repository.NotificationRepository notifications;

    @Inject
    NotificationConfig config;

    @Inject
    Tracing tracing;

    /** An alert version as consumed: the snapshot and its event's CloudEvents id (whose trace a new watch keeps). */
    public record Seen(AlertState alert, String eventId) {
    }

    /**
     * Applies a batch of alert snapshots, in order, to their watches: the batch's watches are read in one query and
     * changed in memory (start for silent countries, stop for those that acknowledged, stop all when the alert no
     * longer escalates), and the changes are written in JDBC batches and flushed before the caller takes any stream
     * lock (the scheduler takes watch rows first, then streams, too). A watch keeps the version that started it; the
     * notice of a later step is written from the alert's latest version on the country's stream, so a refinement
     * costs no write here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlerts(List<Seen> seen) {
        if (seen.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<String, AlertState> latest = new LinkedHashMap<>();
        seen.forEach(a -> latest.put(a.alert().alertId(), a.alert()));
        Map<String, Map<Country, Escalation>> watches = escalations.ofAlerts(latest.keySet());
        Instant due = EscalationPolicy.dueAt(now, config.escalation().ackTimeout());
        Map<String, String> snapshots = new java.util.HashMap<>();
        for (Seen version : seen) {
            AlertState alert = version.alert();
            Map<Country, Escalation> ofAlert = watches.computeIfAbsent(alert.alertId(),
                    id -> new EnumMap<>(Country.class));
            boolean escalates = EscalationPolicy.escalates(alert);
            Set<Country> acked = escalates ? EscalationPolicy.acknowledged(alert) : Set.of();
            for (Escalation e : ofAlert.values()) {
                if (e.state == Escalation.State.ACTIVE && (!escalates || acked.contains(e.country))) {
                    e.state = Escalation.State.STOPPED;
                    e.updatedAt = now;
                }
            }
            if (!escalates) {
                continue;
            }
            for (Country country : EscalationPolicy.awaitingAcknowledgement(alert)) {
                ofAlert.computeIfAbsent(country, c -> {
                    snapshots.computeIfAbsent(alert.alertId(), id -> new String(Json.toBytes(alert),
                            java.nio.charset.StandardCharsets.UTF_8));
                    Escalation e = new Escalation();
                    e.alertId = alert.alertId();
                    e.country = c;
                    e.chainStep = ChainStep.LIAISON;
                    e.state = Escalation.State.ACTIVE;
                    e.nextAt = due;
                    e.alertSnapshot = snapshots.get(alert.alertId());
                    // the consumer span of the event that starts the watch (from the batch being applied, no query)
                    e.traceParent = BatchConsumer.traceparentOf(version.eventId());
                    e.createdAt = now;
                    e.updatedAt = now;
                    escalations.persist(e);
                    return e;
                });
            }
        }
        escalations.flush();
    }

    @Scheduled(every = "${tcc.notification.escalation.poll-interval:PT5S}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            int escalated;
            do {
                escalated = QuarkusTransaction.requiringNew().call(() -> escalateDue(Instant.now()));
            } while (escalated == config.escalation().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("escalation run failed: %s", e.toString());
        }
    }

    /** Notifies the next step of every due watch; returns how many watches were handled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int escalateDue(Instant now) {
        List<Escalation> due = escalations.lockDue(now, config.escalation().batchSize());
        due.sort(Comparator.comparing((Escalation e) -> e.country).thenComparing(e -> e.id));
        Map<org.tcc.contracts.Country, Set<ChainStep>> staffedSteps = new EnumMap<>(org.tcc.contracts.Country.class);
        List<Trigger> triggers = new java.util.ArrayList<>(due.size());
        Map<String, AlertState> latestOnStream = notifications.latestAlertVersions(
                due.stream().map(e -> e.alertId).collect(java.util.stream.Collectors.toSet()));
        List<Span> steps = new java.util.ArrayList<>();
        for (Escalation e : due) {
            Set<ChainStep> staffed = staffedSteps.computeIfAbsent(e.country, recipients::staffedSteps);
            Optional<ChainStep> next = EscalationPolicy.nextStep(e.chainStep, staffed);
            e.updatedAt = now;
            if (next.isEmpty()) {
                e.state = Escalation.State.EXHAUSTED;
                continue;
            }
            AlertState alert = latestOnStream.getOrDefault(e.country + "/" + e.alertId, Json.read(
                    e.alertSnapshot.getBytes(java.nio.charset.StandardCharsets.UTF_8), AlertState.class));
            String alertJson = new String(Json.toBytes(alert), java.nio.charset.StandardCharsets.UTF_8);
            String key = "ack-overdue/" + e.alertId + "/" + e.country + "/" + next.get();
            // this step of the watch, in the trace of the alert event that started it; its notices continue it
            Span step = tracing.span("notification escalate", SpanKind.INTERNAL, e.traceParent);
            step.setAttribute("tcc.alert_id", e.alertId);
            step.setAttribute("tcc.country", e.country.name());
            step.setAttribute("tcc.chain_step", next.get().name());
            steps.add(step);
            triggers.add(new Trigger(key, key, OVERDUE_TYPE, alert.alertId(), null, List.of(e.country),
                    alert.affectedCountries(), next.get(),
                    Notices.acknowledgementOverdue(alert, e.country, next.get()), "alert", alertJson, null,
                    TraceContext.format(step.getSpanContext())));
            LOG.infof("alert %s not acknowledged by %s: notified %s", e.alertId, e.country, next.get());
            metrics.escalated(next.get().name());
            e.chainStep = next.get();
            if (EscalationPolicy.nextStep(next.get(), staffed).isEmpty()) {
                e.state = Escalation.State.EXHAUSTED;
            } else {
                e.nextAt = EscalationPolicy.dueAt(now, config.escalation().ackTimeout());
            }
        }
        // one planning call: the streams it touches are locked in one statement, in the order every writer uses
        try {
            planner.plan(triggers);
        } catch (RuntimeException failure) {
            steps.forEach(s -> tracing.end(s, failure));
            throw failure;
        }
        steps.forEach(Span::end);
        return due.size();
    }
}
