package org.tcc.ingestion.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.alert.AlertAcknowledged;
import org.tcc.contracts.events.alert.AlertEvent;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.ingestion.domain.AlertRefused;
import org.tcc.ingestion.domain.AlertRules;
import org.tcc.ingestion.domain.AlertVersions;
import org.tcc.ingestion.domain.SensorAlerts;
import org.tcc.ingestion.repository.Alert;
import org.tcc.ingestion.repository.AlertRepository;
import org.tcc.ingestion.repository.AlertVersionRepository;
import org.tcc.ingestion.repository.IdempotencyKey;
import org.tcc.ingestion.repository.SensorReportRepository;
import org.tcc.kit.outbox.Outbox;
import org.tcc.kit.rest.Problem;

/**
 * Liaison and feed actions on alerts: each loads the alert as the actor's country may see it, asks
 * {@link AlertRules} for the event, stores the new state and appends the event, in one transaction.
 */
@ApplicationScoped
public class AlertCommands {

    /** The alert an action left, and whether it created (or changed) anything. */
    public record Result(AlertState alert, boolean changed) {
    }

    @Inject
    AlertRepository alerts;

    @Inject
    SensorReportRepository reports;

    @Inject
    AlertVersionRepository versions;

    @Inject
    Outbox outbox;

    /**
     * Raises an alert. With an idempotency key, a retry of the same request returns the alert created the first
     * time (changed = false); the same key with a different request is a 422, and while a request with the key is
     * still being processed, another with it is a 409 (the client retries and then gets the first one's answer).
     */
    @Transactional
    public Result raise(AlertRules.Raise raise, AlertRules.Acting by, String idempotencyKey, String requestHash,
                        String capIdentifier) {
        if (idempotencyKey != null) {
            if (!IdempotencyKey.claim(by.subject(), idempotencyKey)) {
                throw Problem.conflict(org.tcc.kit.rest.ProblemType.IDEMPOTENCY_IN_PROGRESS,
                        "a request with this Idempotency-Key is still being processed; retry it"
                        + " once that one has completed", java.util.Map.of());
            }
            Optional<IdempotencyKey> known = IdempotencyKey.find(by.subject(), idempotencyKey);
            if (known.isPresent()) {
                if (!known.get().requestHash.equals(requestHash)) {
                    throw Problem.invalid("Idempotency-Key", "was already used for a different request");
                }
                return new Result(AlertSnapshots.of(alerts.findById(known.get().alertId)), false);
            }
        }
        UUID id = UUID.randomUUID();
        AlertRaised raised = refusing(() -> AlertRules.raise(id.toString(), raise, by, Instant.now()));
        Alert alert = new Alert();
        alert.id = id;
        alert.raisedBy = by.subject();
        alert.capIdentifier = capIdentifier;
        AlertSnapshots.apply(raised.alert(), alert);
        alerts.persist(alert);
        if (idempotencyKey != null) {
            IdempotencyKey.remember(by.subject(), idempotencyKey, requestHash, id);
        }
        alerts.getEntityManager().flush();
        versions.insertAll(List.of(new AlertVersionRepository.NewVersion(id, AlertVersions.of(raised, by.country()))));
        outbox.append(EventType.ALERT_RAISED, raised);
        return new Result(raised.alert(), true);
    }

    @Transactional
    public Result acknowledge(UUID alertId, AlertRules.Acting by) {
        Alert alert = visible(alertId, by.country());
        Optional<AlertAcknowledged> acknowledged = refusing(
                () -> AlertRules.acknowledge(AlertSnapshots.of(alert), by, Instant.now()));
        if (acknowledged.isEmpty()) {
            return new Result(AlertSnapshots.of(alert), false);
        }
        return new Result(store(alert, EventType.ALERT_ACKNOWLEDGED, acknowledged.get(), by), true);
    }

    /** A liaison's change; the fields it sets by hand stay theirs through later sensor refinements. */
    @Transactional
    public Result update(UUID alertId, AlertRules.Change change, AlertRules.Acting by) {
        Alert alert = visible(alertId, by.country());
        AlertUpdated updated = refusing(() -> AlertRules.update(AlertSnapshots.of(alert), reportingCountries(alert),
                change, by, Instant.now()));
        Set<String> edited = new TreeSet<>(alert.liaisonEdited);
        updated.changedFields().stream().filter(SensorAlerts.LIAISON_FIELDS::contains).forEach(edited::add);
        alert.liaisonEdited = new ArrayList<>(edited);
        return new Result(store(alert, EventType.ALERT_UPDATED, updated, by), true);
    }

    @Transactional
    public Result cancel(UUID alertId, String reason, AlertRules.Acting by) {
        Alert alert = visible(alertId, by.country());
        return new Result(store(alert, EventType.ALERT_CANCELLED, refusing(() -> AlertRules.cancel(
                AlertSnapshots.of(alert), reportingCountries(alert), reason, by, Instant.now())), by), true);
    }

    @Transactional
    public Result resolve(UUID alertId, String reason, AlertRules.Acting by) {
        Alert alert = visible(alertId, by.country());
        return new Result(store(alert, EventType.ALERT_RESOLVED, refusing(() -> AlertRules.resolve(
                AlertSnapshots.of(alert), reportingCountries(alert), reason, by, Instant.now())), by), true);
    }

    /**
     * The one alert a CAP Update or Cancel refers to, as {@code country} may see it: each referenced identifier is
     * a TCC alert id (as exported: the id, or {@code id.version}) or the CAP identifier an alert was raised from.
     * None visible is a 404 naming {@code references} (exactly as if it did not exist); several is a 422.
     */
    @Transactional
    public UUID findByCapReferences(List<String> identifiers, Country country) {
        Set<UUID> found = new LinkedHashSet<>();
        for (String identifier : identifiers) {
            tccAlertId(identifier).flatMap(id -> alerts.findVisible(id, country)).ifPresent(a -> found.add(a.id));
            alerts.find("capIdentifier = :cap and :country member of releasableTo",
                            Parameters.with("cap", identifier).and("country", country))
                    .list().forEach(a -> found.add(a.id));
        }
        if (found.isEmpty()) {
            String message = "names no alert visible to " + country;
            throw new Problem(org.tcc.kit.rest.ProblemType.NOT_FOUND, "Not found", "references: " + message,
                    List.of(new Problem.FieldError("references", message)), null);
        }
        if (found.size() > 1) {
            throw Problem.invalid("references", "names " + found.size() + " different alerts " + found
                    + "; an Update or Cancel applies to exactly one");
        }
        return found.iterator().next();
    }

    /** {@code 6f1c…} or {@code 6f1c….3} (a TCC export's identifier) as the alert id; empty for anything else. */
    static Optional<UUID> tccAlertId(String identifier) {
        String id = identifier.matches(".+\\.\\d+") ? identifier.substring(0, identifier.lastIndexOf('.'))
                : identifier;
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * Read locked (one {@code SELECT … FOR UPDATE}), for the rest of the transaction: two concurrent actions on
     * one alert apply one after the other. An alert the country may not see is as absent as one that does not
     * exist.
     */
    private Alert visible(UUID alertId, Country country) {
        Alert alert = alerts.getEntityManager().find(Alert.class, alertId, LockModeType.PESSIMISTIC_WRITE);
        if (alert == null || !alert.releasableTo.contains(country)) {
            throw Problem.notFound("alert " + alertId);
        }
        return alert;
    }

    private Set<Country> reportingCountries(Alert alert) {
        return reports.reportingCountries(alert.id);
    }

    /** Stores the alert's new version, its history entry and its event. */
    private AlertState store(Alert alert, EventType type, AlertEvent event, AlertRules.Acting by) {
        AlertSnapshots.apply(event.alert(), alert);
        alerts.getEntityManager().flush();
        versions.insertAll(List.of(new AlertVersionRepository.NewVersion(alert.id, AlertVersions.of(event,
                by.country()))));
        outbox.append(type, event);
        return event.alert();
    }

    private static <T> T refusing(java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (AlertRefused refused) {
            throw switch (refused.why()) {
                case NOT_ALLOWED -> Problem.forbidden(refused.getMessage());
                case INVALID -> Problem.invalid(refused.field(), refused.getMessage());
                case CONFLICT -> Problem.conflict(org.tcc.kit.rest.ProblemType.NOT_ACTIVE, refused.getMessage(),
                        java.util.Map.of("currentState", refused.lifecycle().name()));
            };
        }
    }
}
