package org.tcc.ingestion.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.ingestion.config.IngestionConfig;
import org.tcc.ingestion.domain.InvalidReport;
import org.tcc.ingestion.domain.LaunchFusion;
import org.tcc.ingestion.domain.OversizedReport;
import org.tcc.ingestion.domain.ReportAuthenticity;
import org.tcc.ingestion.domain.ReportChecks;
import org.tcc.ingestion.domain.Sensor;
import org.tcc.ingestion.domain.SensorAlerts;
import org.tcc.ingestion.repository.Alert;
import org.tcc.ingestion.repository.AlertRepository;
import org.tcc.ingestion.repository.SensorReport;
import org.tcc.ingestion.repository.SensorReportRepository;
import org.tcc.kit.outbox.Outbox;

/**
 * The sensor-feed path, the same for Kafka and REST: authenticate the exact bytes, validate, then in one
 * transaction deduplicate, fuse into an alert and append the alert event to the outbox.
 */
@ApplicationScoped
public class ReportIntake {

    /** What applying a report did. */
    public record Outcome(String reportId, String alertId, boolean duplicate, boolean raised) {
    }

    /** An authentic, valid report with the bytes it arrived as. */
    public record VerifiedReport(MissileLaunchReport report, Sensor sensor, byte[] payload) {
    }

    @Inject
    ReportAuthenticity authenticity;

    @Inject
    ReportChecks checks;

    @Inject
    LaunchFusion fusion;

    @Inject
    SensorAlerts sensorAlerts;

    @Inject
    SensorReportRepository reports;

    @Inject
    AlertRepository alerts;

    @Inject
    Outbox outbox;

    @Inject
    IngestionConfig config;

    /**
     * Size first, then the signature (a forged report is not even parsed), then the schema, then the rules a
     * schema cannot say.
     *
     * @throws OversizedReport when larger than {@code tcc.ingestion.max-report-bytes}
     * @throws ReportAuthenticity.NotAuthentic when unsigned, forged, from an unknown sensor or the wrong country
     * @throws InvalidReport naming each wrong field
     */
    public VerifiedReport verify(byte[] payload, String detachedJws) {
        OversizedReport.check(payload, config.maxReportBytes());
        Sensor sensor = authenticity.verify(payload, detachedJws);
        List<String> problems = SchemaValidation.validate(EventType.MISSILE_LAUNCH_REPORTED, payload);
        if (!problems.isEmpty()) {
            throw new InvalidReport(problems);
        }
        MissileLaunchReport report = Json.read(payload, MissileLaunchReport.class);
        ReportAuthenticity.requireConsistent(sensor, report.sensorId(), report.reportingCountry());
        List<String> late = checks.problems(report, Instant.now());
        if (!late.isEmpty()) {
            throw new InvalidReport(late);
        }
        return new VerifiedReport(report, sensor, payload);
    }

    /** Applies a verified report once: a redelivered (sensor, report id) changes nothing. */
    @Transactional
    public Outcome apply(VerifiedReport verified) {
        reports.lockFusion();
        return fuse(verified);
    }

    /**
     * Applies a batch of verified reports in one transaction, in order, under one hold of the fusion lock: each
     * report sees the ones before it, exactly as if they had been applied one by one.
     */
    @Transactional
    public List<Outcome> applyAll(List<VerifiedReport> batch) {
        reports.lockFusion();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (VerifiedReport verified : batch) {
            outcomes.add(fuse(verified));
            // the next report's fusion queries see this one; the session stays small (no quadratic auto-flushes)
            alerts.getEntityManager().flush();
            alerts.getEntityManager().clear();
        }
        return outcomes;
    }

    private Outcome fuse(VerifiedReport verified) {
        MissileLaunchReport report = verified.report();
        if (reports.exists(report.sensorId(), report.reportId())) {
            SensorReport known = reports.findById(new SensorReport.Key(report.sensorId(), report.reportId()));
            return new Outcome(report.reportId(), known.alertId.toString(), true, false);
        }
        List<LaunchFusion.TrackedLaunch> candidates = new ArrayList<>();
        for (UUID alertId : reports.candidateAlerts(report.detectedAt(), config.fusion().window(),
                report.status(), report.launchPoint(), config.fusion().launchDistanceKm())) {
            candidates.add(new LaunchFusion.TrackedLaunch(alertId.toString(),
                    reports.ofAlert(alertId).stream().map(ReportIntake::read).toList()));
        }
        Optional<LaunchFusion.TrackedLaunch> match = fusion.match(report, candidates);
        Instant now = Instant.now();
        if (match.isEmpty()) {
            UUID alertId = UUID.randomUUID();
            AlertRaised raised = sensorAlerts.raise(alertId.toString(), List.of(report), now);
            Alert alert = new Alert();
            alert.id = alertId;
            alert.raisedBy = report.sensorId();
            AlertSnapshots.apply(raised.alert(), alert);
            alerts.persist(alert);
            store(verified, alertId);
            outbox.append(EventType.ALERT_RAISED, raised);
            return new Outcome(report.reportId(), alertId.toString(), false, true);
        }
        UUID alertId = UUID.fromString(match.get().alertId());
        Alert alert = alerts.findById(alertId);
        List<MissileLaunchReport> fused = new ArrayList<>(match.get().reports());
        fused.add(report);
        store(verified, alertId);
        Optional<AlertUpdated> updated = sensorAlerts.refine(AlertSnapshots.of(alert), fused, now);
        updated.ifPresent(event -> {
            AlertSnapshots.apply(event.alert(), alert);
            alerts.getEntityManager().flush(); // the version the event carries is the one stored
            outbox.append(EventType.ALERT_UPDATED, event);
        });
        return new Outcome(report.reportId(), alertId.toString(), false, false);
    }

    private void store(VerifiedReport verified, UUID alertId) {
        MissileLaunchReport report = verified.report();
        SensorReport row = new SensorReport();
        row.key = new SensorReport.Key(report.sensorId(), report.reportId());
        row.alertId = alertId;
        row.reportingCountry = report.reportingCountry();
        row.trafficStatus = report.status();
        row.detectedAt = report.detectedAt();
        row.launchLat = report.launchPoint().lat();
        row.launchLon = report.launchPoint().lon();
        row.launchCell = SensorReport.cellOf(row.launchLat, row.launchLon);
        row.payload = new String(verified.payload(), StandardCharsets.UTF_8);
        reports.persist(row);
    }

    private static MissileLaunchReport read(SensorReport row) {
        return Json.read(row.payload.getBytes(StandardCharsets.UTF_8), MissileLaunchReport.class);
    }
}
