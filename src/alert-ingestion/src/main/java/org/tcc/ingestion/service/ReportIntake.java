package org.tcc.ingestion.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.tcc.contracts.events.EventPayload;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.events.alert.AlertEvent;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.ingestion.config.IngestionConfig;
import org.tcc.ingestion.domain.InvalidReport;
import org.tcc.ingestion.domain.AlertVersions;
import org.tcc.ingestion.domain.LaunchFusion;
import org.tcc.ingestion.domain.OversizedReport;
import org.tcc.ingestion.domain.ReportAuthenticity;
import org.tcc.ingestion.domain.ReportChecks;
import org.tcc.ingestion.domain.Sensor;
import org.tcc.ingestion.domain.SensorAlerts;
import org.tcc.ingestion.repository.AlertRepository;
import org.tcc.ingestion.repository.AlertVersionRepository;
import org.tcc.ingestion.repository.FusionArea;
import org.tcc.ingestion.repository.SensorReport;
import org.tcc.ingestion.repository.SensorReportRepository;
import org.tcc.kit.outbox.Outbox;

/**
 * The sensor-feed path, the same for Kafka and REST: authenticate the exact bytes, validate, then in one
 * transaction deduplicate, fuse into an alert and append the alert event to the outbox.
 *
 * <p>A batch is applied set-wise, in a fixed number of statements whatever its size: lock the grid cells its
 * reports can touch, read which of its reports are already stored, read the reports of every candidate launch
 * once (parsed once, or taken from a cache of parsed reports), fuse the batch's reports in memory one after the
 * other exactly as if they had been applied one by one, then write new alerts, each refined alert's final state,
 * the new reports and the versions' history entries in one statement each, and append each touched alert's one
 * new version's event.
 */
@ApplicationScoped
public class ReportIntake {

    /** What applying a report did. */
    public record Outcome(String reportId, String alertId, boolean duplicate, boolean raised) {
    }

    /** An authentic, valid report with the bytes it arrived as. */
    public record VerifiedReport(MissileLaunchReport report, Sensor sensor, byte[] payload, Instant receivedAt) {
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
    AlertVersionRepository versions;

    @Inject
    Outbox outbox;

    @Inject
    IngestionConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    IngestionMetrics metrics;

    private ParsedReports parsed;

    @PostConstruct
    void init() {
        parsed = new ParsedReports(config.fusion().parsedReportCache());
    }

    /**
     * Size first, then the signature (a forged report is not even parsed), then the schema, then the rules a
     * schema cannot say.
     *
     * @throws OversizedReport when larger than {@code tcc.ingestion.max-report-bytes}
     * @throws ReportAuthenticity.NotAuthentic when unsigned, forged, from an unknown sensor or the wrong country
     * @throws InvalidReport naming each wrong field
     */
    public VerifiedReport verify(byte[] payload, String detachedJws) {
        return verify(payload, detachedJws, Instant.now());
    }

    /** As {@link #verify(byte[], String)}, for a report that reached the service at {@code receivedAt}. */
    public VerifiedReport verify(byte[] payload, String detachedJws, Instant receivedAt) {
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
        return new VerifiedReport(report, sensor, payload, receivedAt);
    }

    /** Applies a verified report once: a redelivered (sensor, report id) changes nothing. */
    @Transactional
    public Outcome apply(VerifiedReport verified) {
        return applyAll(List.of(verified)).get(0);
    }

    /**
     * Applies a batch of verified reports in one transaction, in order: each report is matched seeing the ones
     * before it, exactly as if they had been applied one by one; then each alert the batch touched gets one new
     * version (and its event) applying all of its reports in the batch.
     */
    @Transactional
    public List<Outcome> applyAll(List<VerifiedReport> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        IngestionConfig.Fusion gates = config.fusion();
        SortedSet<Integer> cells = new TreeSet<>();
        batch.forEach(v -> cells.addAll(FusionArea.lockCells(v.report().launchPoint(), gates.launchDistanceKm())));
        reports.lockFusionCells(cells);

        Map<SensorReport.Key, UUID> stored = reports.stored(new LinkedHashSet<>(batch.stream()
                .map(v -> key(v.report())).toList()));
        Map<SensorReport.Key, FusionArea> areas = new HashMap<>();
        for (VerifiedReport v : batch) {
            MissileLaunchReport r = v.report();
            if (!stored.containsKey(key(r))) {
                areas.putIfAbsent(key(r), FusionArea.around(r.status(), r.detectedAt(), r.launchPoint(),
                        gates.window(), gates.launchDistanceKm()));
            }
        }
        Map<String, Track> tracks = candidates(areas);

        // first the matches (they depend only on reports), then the alerts' versions (they need the stored state)
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Step> steps = new ArrayList<>();
        Map<SensorReport.Key, String> applied = new HashMap<>();
        for (VerifiedReport v : batch) {
            MissileLaunchReport report = v.report();
            SensorReport.Key key = key(report);
            String known = stored.containsKey(key) ? stored.get(key).toString() : applied.get(key);
            if (known != null) {
                outcomes.add(new Outcome(report.reportId(), known, true, false));
                continue;
            }
            FusionArea area = areas.get(key);
            List<LaunchFusion.TrackedLaunch> launches = tracks.values().stream().filter(t -> t.seenFrom(area))
                    .map(t -> new LaunchFusion.TrackedLaunch(t.alertId, t.reports)).toList();
            Optional<LaunchFusion.TrackedLaunch> match = fusion.match(report, launches);
            Track track = match.map(m -> tracks.get(m.alertId())).orElseGet(() -> {
                Track raised = new Track(UUID.randomUUID().toString(), false);
                tracks.put(raised.alertId, raised);
                return raised;
            });
            track.reports.add(report);
            steps.add(new Step(v, track));
            applied.put(key, track.alertId);
            outcomes.add(new Outcome(report.reportId(), track.alertId, false, match.isEmpty()));
        }
        metrics.duplicates(batch.size() - steps.size());
        if (steps.isEmpty()) {
            return outcomes;
        }
        metrics.applied(steps.size());

        Set<UUID> refinedIds = new HashSet<>();
        steps.stream().filter(step -> step.track.stored).forEach(step -> refinedIds.add(step.track.id()));
        alerts.loadAll(refinedIds).forEach((id, alert) -> {
            Track track = tracks.get(id.toString());
            track.before = AlertSnapshots.of(alert);
            track.current = track.before;
            track.liaisonEdited = Set.copyOf(alert.liaisonEdited);
        });
        // one version per alert and batch: the reports that arrived together are applied together (under load a
        // launch's three sensors make one event instead of three, and nothing downstream pays for the states between)
        Map<Track, List<MissileLaunchReport>> appliedPerTrack = new LinkedHashMap<>();
        steps.forEach(step -> appliedPerTrack.computeIfAbsent(step.track, t -> new ArrayList<>())
                .add(step.verified.report()));
        List<Event> events = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored, so later reads compare equal
        appliedPerTrack.forEach((track, together) -> {
            if (!track.stored) {
                AlertRaised raised = sensorAlerts.raise(track.alertId, track.reports, together, now);
                track.current = raised.alert();
                events.add(new Event(EventType.ALERT_RAISED, raised));
            } else {
                Optional<AlertUpdated> updated = sensorAlerts.refine(track.current, track.reports, together,
                        track.liaisonEdited, now);
                if (updated.isPresent()) {
                    track.current = updated.get().alert();
                    track.changed = true;
                    events.add(new Event(EventType.ALERT_UPDATED, updated.get()));
                }
            }
        });
        write(tracks.values(), steps, events);
        Set<String> announced = new HashSet<>();
        appliedPerTrack.keySet().stream().filter(t -> !t.stored || t.changed).forEach(t -> announced.add(t.alertId));
        registerLatencies(steps, announced);
        return outcomes;
    }

    /**
     * How long each report that made a new alert version took from arrival to that version's event in the outbox
     * (the transaction commits right after; a batch rolled back and retried is measured again).
     */
    private void registerLatencies(List<Step> steps, Set<String> announced) {
        Instant appended = Instant.now();
        for (Step step : steps) {
            if (announced.contains(step.track.alertId) && step.verified.receivedAt() != null) {
                metrics.reportToAlertEvent(java.time.Duration.between(step.verified.receivedAt(), appended));
            }
        }
    }

    /** The batch's writes: a statement per kind of row, then the events in the order the versions were made. */
    private void write(java.util.Collection<Track> tracks, List<Step> steps, List<Event> events) {
        List<AlertRepository.Raised> raised = new ArrayList<>();
        List<AlertRepository.Refined> refined = new ArrayList<>();
        for (Track track : tracks) {
            if (!track.stored && track.current != null) {
                raised.add(new AlertRepository.Raised(track.current, track.reports.get(0).sensorId()));
            } else if (track.stored && track.changed) {
                refined.add(new AlertRepository.Refined(track.before, track.current));
            }
        }
        alerts.insertAll(raised);
        alerts.updateAll(refined);
        Map<SensorReport.Key, MissileLaunchReport> fresh = new LinkedHashMap<>();
        reports.insertAll(steps.stream().map(step -> {
            MissileLaunchReport r = step.verified.report();
            fresh.put(key(r), r);
            return new SensorReportRepository.NewReport(key(r), step.track.id(), r.reportingCountry(), r.status(),
                    r.detectedAt(), r.launchPoint().lat(), r.launchPoint().lon(),
                    new String(step.verified.payload(), StandardCharsets.UTF_8));
        }).toList());
        // the versions' history entries, all in one statement, beside their events
        versions.insertAll(events.stream().map(event -> new AlertVersionRepository.NewVersion(
                UUID.fromString(event.payload.aggregateId()), AlertVersions.of((AlertEvent) event.payload))).toList());
        events.forEach(event -> outbox.append(event.type, event.payload));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    parsed.putAll(fresh);
                }
            }
        });
    }

    /** The stored launches the batch's reports may belong to, each with its reports parsed, in arrival order. */
    private Map<String, Track> candidates(Map<SensorReport.Key, FusionArea> areas) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        if (areas.isEmpty()) {
            return tracks;
        }
        Map<UUID, List<SensorReport.Key>> candidates = reports.candidates(areas.values());
        Set<SensorReport.Key> needed = new HashSet<>();
        candidates.values().forEach(needed::addAll);
        Map<SensorReport.Key, MissileLaunchReport> known = new HashMap<>(parsed.getAll(needed));
        Set<SensorReport.Key> missing = new HashSet<>(needed);
        missing.removeAll(known.keySet());
        Map<SensorReport.Key, MissileLaunchReport> read = new HashMap<>();
        reports.payloads(missing).forEach((key, payload) -> read.put(key, read(payload)));
        parsed.putAll(read); // committed rows: what another transaction may read too
        known.putAll(read);
        candidates.forEach((alertId, keys) -> {
            Track track = new Track(alertId.toString(), true);
            keys.forEach(key -> track.reports.add(known.get(key)));
            tracks.put(track.alertId, track);
        });
        return tracks;
    }

    /** A launch as the batch sees it: its reports so far and its alert's latest version. */
    private static final class Track {
        final String alertId;
        /** Its alert is in the database (else the batch raised it). */
        final boolean stored;
        final List<MissileLaunchReport> reports = new ArrayList<>();
        AlertState before;
        AlertState current;
        Set<String> liaisonEdited = Set.of();
        boolean changed;

        Track(String alertId, boolean stored) {
            this.alertId = alertId;
            this.stored = stored;
        }

        UUID id() {
            return UUID.fromString(alertId);
        }

        /** The launch has a report the area looks at (what the candidate query would find). */
        boolean seenFrom(FusionArea area) {
            return reports.stream().anyMatch(r -> area.contains(r.status(), r.detectedAt(), r.launchPoint().lat(),
                    r.launchPoint().lon()));
        }
    }

    /** One report applied, and to which launch. */
    private record Step(VerifiedReport verified, Track track) {
    }

    private record Event(EventType type, EventPayload payload) {
    }

    private static SensorReport.Key key(MissileLaunchReport report) {
        return new SensorReport.Key(report.sensorId(), report.reportId());
    }

    private static MissileLaunchReport read(String payload) {
        return Json.read(payload.getBytes(StandardCharsets.UTF_8), MissileLaunchReport.class);
    }
}
