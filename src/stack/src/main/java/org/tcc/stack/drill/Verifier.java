package org.tcc.stack.drill;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.tcc.contracts.Topics;
import org.tcc.stack.StackLayout;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.KafkaReaders;

/**
 * Counts, after the drill, what every valid report and every bad message became, straight from each service's
 * database (as the PostgreSQL superuser, read-only queries), the mail server (IMAP), the dead-letter topics and the
 * liaisons' streams, and compares with what the drill sent.
 */
final class Verifier {

    /** Alert and consultation events that notify (docs/notification.md). */
    private static final List<String> NOTIFYING = List.of("AlertRaised", "AlertUpdated", "AlertCancelled",
            "AlertResolved", "ConsultationConvened", "ConsultationAlertAdded", "ProposalSubmitted",
            "ConsultationEscalated", "ConsultationConcluded", "ConsultationClosed");

    private record Event(String aggregateId, String eventId, String type, boolean published) {
    }

    private final StackLayout layout;
    private final String runId;
    private final DrillFeed feed;

    Verifier(StackLayout layout, String runId, DrillFeed feed) {
        this.layout = layout;
        this.runId = runId;
        this.feed = feed;
    }

    Connection db(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + layout.postgresPort() + "/tcc_"
                + service.replace('-', '_'), "postgres", "postgres");
    }

    /** Cheap numbers that move while the stack is still working on the drill's traffic. */
    List<Long> progress() throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = db("alert-ingestion")) {
            values.add(single(c, "SELECT count(*) FROM sensor_report WHERE report_id LIKE '" + prefix() + "%'"));
            values.add(single(c, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"));
        }
        try (Connection c = db("consultation")) {
            values.add(single(c, "SELECT count(*) FROM consultation"));
            values.add(single(c, "SELECT count(*) FROM audit_entry"));
            values.add(single(c, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"));
        }
        try (Connection c = db("notification")) {
            values.add(single(c, "SELECT count(*) FROM notification"));
            values.add(single(c, "SELECT count(*) FROM delivery WHERE status IN ('PENDING', 'FAILED')"));
            values.add(single(c, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"));
            // an unacknowledged alert's chain still to run (duty officer at 2 min, senior official at 4 min)
            values.add(single(c, "SELECT count(*) FROM escalation WHERE state = 'ACTIVE'"));
        }
        return values;
    }

    /**
     * Work still queued: unpublished outbox rows, deliveries not yet done and escalation chains not yet at their
     * end, in all services.
     */
    static long queued(List<Long> progress) {
        return progress.get(1) + progress.get(4) + progress.get(6) + progress.get(7) + progress.get(8);
    }

    long[] streamBaseline() throws SQLException {
        try (Connection c = db("notification")) {
            return new long[] {
                single(c, "SELECT last_seq FROM country_stream WHERE country = 'USA'"),
                single(c, "SELECT last_seq FROM country_stream WHERE country = 'KOR'"),
                single(c, "SELECT last_seq FROM country_stream WHERE country = 'JPN'")};
        }
    }

    private String prefix() {
        return "drill-" + runId + "-";
    }

    Tally verify(List<StreamWatch> streams, Map<String, Long> dlqStart, AlertWatch alerts, String auditVerdict,
                 long auditEntries, boolean auditIntact) throws Exception {
        Tally tally = new Tally();
        Map<String, DrillFeed.Planned> planned = new HashMap<>();
        for (DrillFeed.Planned p : feed.plan()) {
            planned.put(p.id(runId), p);
        }
        long validSent = feed.count(DrillFeed.Kind.VALID);

        // 1. valid reports -> exactly one sensor_report row each; launches -> exactly one alert each
        Map<String, String> alertOfReport = new HashMap<>();
        Set<String> badAccepted = new HashSet<>();
        Map<String, Long> alertVersion = new HashMap<>();
        Map<String, Set<String>> releasable = new HashMap<>();
        List<Event> alertEvents = new ArrayList<>();
        List<String> appliedReports = new ArrayList<>(); // every report id an alert event names as applied
        try (Connection c = db("alert-ingestion")) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT report_id, alert_id::text FROM sensor_report WHERE report_id LIKE ?")) {
                s.setString(1, prefix() + "%");
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        DrillFeed.Planned p = planned.get(r.getString(1));
                        if (p != null && p.kind() == DrillFeed.Kind.VALID) {
                            alertOfReport.put(r.getString(1), r.getString(2));
                        } else {
                            badAccepted.add(r.getString(1));
                        }
                    }
                }
            }
            Set<String> alertIds = new HashSet<>(alertOfReport.values());
            for (Object[] row : rows(c, "SELECT id::text, version FROM alert WHERE id::text = ANY(?)", alertIds)) {
                alertVersion.put((String) row[0], ((Number) row[1]).longValue());
            }
            for (Object[] row : rows(c, "SELECT alert_id::text, country FROM alert_releasable_to"
                    + " WHERE alert_id::text = ANY(?)", alertIds)) {
                releasable.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]);
            }
            alertEvents.addAll(events(c, alertIds));
            for (Object[] row : rows(c, "SELECT jsonb_array_elements(CAST(payload AS jsonb) -> 'appliedReports')"
                    + " ->> 'reportId' FROM outbox_event WHERE aggregate_id = ANY(?)"
                    + " AND event_type IN ('org.tcc.alert.AlertRaised.v1', 'org.tcc.alert.AlertUpdated.v1')",
                    alertIds)) {
                appliedReports.add((String) row[0]);
            }
        }
        tally.add("valid reports -> one sensor_report row each", validSent, alertOfReport.size(),
                validSent - alertOfReport.size(), 0, "PRIMARY KEY (sensor_id, report_id) refuses a second row");

        Map<Integer, Set<String>> alertsOfLaunch = new TreeMap<>();
        Map<Integer, Integer> reportsOfLaunch = new HashMap<>();
        alertOfReport.forEach((reportId, alertId) -> {
            DrillFeed.Planned p = planned.get(reportId);
            alertsOfLaunch.computeIfAbsent(p.launch(), k -> new HashSet<>()).add(alertId);
            reportsOfLaunch.merge(p.launch(), 1, Integer::sum);
        });
        Map<String, Set<Integer>> launchesOfAlert = new HashMap<>();
        alertsOfLaunch.forEach((launch, ids) -> ids.forEach(a ->
                launchesOfAlert.computeIfAbsent(a, k -> new HashSet<>()).add(launch)));
        long oneAlert = alertsOfLaunch.entrySet().stream().filter(e -> e.getValue().size() == 1
                && reportsOfLaunch.get(e.getKey()) == 3
                && launchesOfAlert.get(e.getValue().iterator().next()).size() == 1).count();
        long split = alertsOfLaunch.values().stream().filter(s -> s.size() > 1).mapToLong(s -> s.size() - 1).sum();
        long merged = launchesOfAlert.values().stream().filter(s -> s.size() > 1).count();
        tally.add("launches (3 reports each) -> exactly one alert", feed.launches(), oneAlert,
                feed.launches() - alertsOfLaunch.size(), split, merged == 0 ? "" : merged + " alerts merged launches");

        Map<String, List<Event>> eventsOfAlert = group(alertEvents);
        long raised = alertEvents.stream().filter(e -> e.type().contains("AlertRaised")).count();
        long updated = alertEvents.stream().filter(e -> e.type().contains("AlertUpdated")).count();
        long unpublished = alertEvents.stream().filter(e -> !e.published()).count();
        // a batch makes one version per alert naming the reports it applied: every valid report is named by
        // exactly one alert event (1 raised and 0 to 2 updated per launch, as the reports arrived together or not)
        long appliedValid = appliedReports.stream().filter(alertOfReport::containsKey).count();
        long appliedOnce = appliedReports.stream().filter(alertOfReport::containsKey).distinct().count();
        tally.add("valid reports -> applied by exactly one alert event in the outbox", validSent, appliedOnce,
                validSent - appliedOnce, appliedValid - appliedOnce,
                raised + " raised, " + updated + " updated (" + String.format(java.util.Locale.ROOT, "%.2f",
                        (raised + updated) / (double) Math.max(1, feed.launches())) + " versions per launch), "
                        + unpublished + " unpublished");
        long[] republished = alerts.republished();
        tally.add("valid reports -> their alert event seen on " + Topics.ALERTS, validSent, alerts.matched(),
                validSent - alerts.matched(), 0, republished[1] + " extra copies of " + republished[0]
                        + " events on the topic (relay retried after the broker died; consumers dedupe by ce_id)");

        // 2. consultations: each alert in exactly one (alerts of one crisis share one), consistent
        Map<String, String> consultationOfAlert = new HashMap<>();
        Map<String, Long> appliedVersion = new HashMap<>();
        Map<String, Integer> consultationsPerAlert = new HashMap<>();
        List<Event> consultationEvents = new ArrayList<>();
        Map<String, Object[]> consultationRow = new HashMap<>();
        Map<String, Long> participants = new HashMap<>();
        Map<String, Long> auditOf = new HashMap<>();
        try (Connection c = db("consultation")) {
            for (Object[] row : rows(c, "SELECT c.id::text, a.alert_id::text, a.alert_version, c.phase, c.revision"
                    + " FROM consultation_alert a JOIN consultation c ON c.id = a.consultation_id"
                    + " WHERE a.alert_id::text = ANY(?)", alertVersion.keySet())) {
                consultationOfAlert.put((String) row[1], (String) row[0]);
                appliedVersion.put((String) row[1], row[2] == null ? null : ((Number) row[2]).longValue());
                consultationsPerAlert.merge((String) row[1], 1, Integer::sum);
                consultationRow.put((String) row[0], row);
            }
            for (Object[] row : rows(c, "SELECT consultation_id::text, count(*) FROM consultation_participant"
                    + " WHERE consultation_id::text = ANY(?) GROUP BY 1", consultationRow.keySet())) {
                participants.put((String) row[0], ((Number) row[1]).longValue());
            }
            for (Object[] row : rows(c, "SELECT consultation_id::text, count(*) FROM audit_entry"
                    + " WHERE consultation_id::text = ANY(?) GROUP BY 1", consultationRow.keySet())) {
                auditOf.put((String) row[0], ((Number) row[1]).longValue());
            }
            consultationEvents.addAll(events(c, consultationRow.keySet()));
        }
        long dupConsultations = consultationsPerAlert.values().stream().mapToLong(n -> n - 1).sum();
        tally.add("alerts -> in exactly one consultation (policy: Severe and above)", alertVersion.size(),
                consultationOfAlert.size(), alertVersion.size() - consultationOfAlert.size(), dupConsultations,
                "consultation_alert PRIMARY KEY (alert_id); " + new HashSet<>(consultationOfAlert.values()).size()
                        + " consultations (one per crisis)");
        Map<String, List<Event>> eventsOfConsultation = group(consultationEvents);
        Map<String, Integer> inconsistent = new LinkedHashMap<>();
        long badConsultations = 0;
        for (Map.Entry<String, String> e : consultationOfAlert.entrySet()) {
            Object[] row = consultationRow.get(e.getValue());
            List<Event> own = eventsOfConsultation.getOrDefault(e.getValue(), List.of());
            List<String> problems = new ArrayList<>();
            if (participants.getOrDefault(e.getValue(), 0L) != releasable.getOrDefault(e.getKey(), Set.of()).size()) {
                problems.add("participants != releasable countries");
            }
            if (((Number) row[4]).longValue() != own.size()) {
                problems.add("revision != its events");
            }
            if (own.stream().anyMatch(ev -> !ev.published())) {
                problems.add("unpublished event");
            }
            Long applied = appliedVersion.get(e.getKey());
            if (applied == null || alertVersion.get(e.getKey()).longValue() != applied) {
                problems.add("alert version applied != alert's last version");
            }
            if (!"CONVENING".equals(row[3])) {
                problems.add("phase " + row[3]);
            }
            if (auditOf.getOrDefault(e.getValue(), 0L) < own.size()) {
                problems.add("fewer audit entries than events");
            }
            problems.forEach(problem -> inconsistent.merge(problem, 1, Integer::sum));
            badConsultations += problems.isEmpty() ? 0 : 1;
        }
        tally.add("consultations in a consistent state", consultationOfAlert.size(),
                consultationOfAlert.size() - badConsultations, badConsultations, 0,
                inconsistent.isEmpty() ? "CONVENING, 3 participants, revision = its events, last alert version"
                        + " applied, audited" : inconsistent.toString());
        tally.add("audit chain verifies (GET /api/v1/audit/verify)", 1, auditIntact ? 1 : 0, auditIntact ? 0 : 1, 0,
                auditEntries + " entries checked: " + auditVerdict);

        // 3. notifications: each entitled country once per event, each (event, recipient, channel) once, SENT
        Map<String, Set<String>> countriesOfEvent = new HashMap<>();
        for (Event e : alertEvents) {
            if (notifying(e.type())) {
                countriesOfEvent.put(e.eventId(), releasable.getOrDefault(e.aggregateId(), Set.of()));
            }
        }
        Map<String, String> alertOfConsultation = new HashMap<>();
        consultationOfAlert.forEach((a, c) -> alertOfConsultation.put(c, a));
        long consultationNotifying = 0;
        for (Event e : consultationEvents) {
            if (notifying(e.type())) {
                consultationNotifying++;
                countriesOfEvent.put(e.eventId(),
                        releasable.getOrDefault(alertOfConsultation.get(e.aggregateId()), Set.of()));
            }
        }
        Map<String, List<String[]>> liaisonChannels = new HashMap<>(); // country -> [recipientId, channel]
        List<String> mailboxes = new ArrayList<>();
        Map<Long, String> notificationCountry = new HashMap<>();
        Map<String, Long> notificationOf = new HashMap<>(); // eventId/country -> notification id
        Map<String, List<Long>> seqsOfCountry = new HashMap<>();
        Map<String, Integer> notificationCopies = new HashMap<>();
        long escalationNotifications = 0;
        Map<String, Integer> deliveryCopies = new HashMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> escalationByStatus = new TreeMap<>();
        Set<String> emailDeliveriesSent = new HashSet<>();
        Map<String, Integer> alertDeliveries = new HashMap<>(); // alertId/recipientId/channel -> coalesced deliveries
        long deliveriesTotal = 0;
        try (Connection c = db("notification")) {
            for (Object[] row : rows(c, "SELECT id::text, country, chain_step, email, webhook_url IS NOT NULL, stream,"
                    + " active FROM recipient", List.of())) {
                if (row[3] != null) {
                    mailboxes.add((String) row[3]);
                }
                if (!"LIAISON".equals(row[2]) || !Boolean.TRUE.equals(row[6])) {
                    continue;
                }
                List<String[]> channels = liaisonChannels.computeIfAbsent((String) row[1], k -> new ArrayList<>());
                if (Boolean.TRUE.equals(row[5])) {
                    channels.add(new String[] {(String) row[0], "STREAM"});
                }
                if (row[3] != null) {
                    channels.add(new String[] {(String) row[0], "EMAIL"});
                }
                if (Boolean.TRUE.equals(row[4])) {
                    channels.add(new String[] {(String) row[0], "WEBHOOK"});
                }
            }
            List<String> alertIdList = new ArrayList<>(alertVersion.keySet());
            try (PreparedStatement s = c.prepareStatement("SELECT id, country, seq, source_key, source_event_id,"
                    + " kind FROM notification WHERE source_event_id = ANY(?) OR alert_id = ANY(?)")) {
                s.setArray(1, c.createArrayOf("varchar", countriesOfEvent.keySet().toArray()));
                s.setArray(2, c.createArrayOf("varchar", alertIdList.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        String country = r.getString(2);
                        notificationCountry.put(id, country);
                        seqsOfCountry.computeIfAbsent(country, k -> new ArrayList<>()).add(r.getLong(3));
                        String sourceKey = r.getString(4);
                        if (sourceKey.equals(r.getString(5)) && countriesOfEvent.containsKey(sourceKey)) {
                            notificationOf.put(sourceKey + "/" + country, id);
                            notificationCopies.merge(sourceKey + "/" + country, 1, Integer::sum);
                        } else {
                            escalationNotifications++;
                        }
                    }
                }
            }
            Set<Long> planned2 = new HashSet<>(notificationOf.values());
            try (PreparedStatement s = c.prepareStatement("SELECT id::text, notification_id, recipient_id::text,"
                    + " channel, status, source_key, alert_id FROM delivery WHERE notification_id = ANY(?)")) {
                s.setArray(1, c.createArrayOf("bigint", notificationCountry.keySet().toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        deliveriesTotal++;
                        if (r.getString(7) != null) {
                            alertDeliveries.merge(r.getString(7) + "/" + r.getString(3) + "/" + r.getString(4), 1,
                                    Integer::sum);
                        }
                        String status = r.getString(5);
                        boolean primary = planned2.contains(r.getLong(2));
                        (primary ? byStatus : escalationByStatus).merge(r.getString(4) + " " + status, 1L, Long::sum);
                        if (primary) {
                            deliveryCopies.merge(r.getString(6) + "/" + r.getString(3) + "/" + r.getString(4), 1,
                                    Integer::sum);
                        }
                        if ("EMAIL".equals(r.getString(4)) && "SENT".equals(status)) {
                            emailDeliveriesSent.add(r.getString(1));
                        }
                    }
                }
            }
        }
        long expectedNotifications = countriesOfEvent.values().stream().mapToLong(Set::size).sum();
        long dupNotifications = notificationCopies.values().stream().mapToLong(n -> n - 1).sum();
        tally.add("alert + consultation events -> one notification per entitled country", expectedNotifications,
                notificationOf.size(), expectedNotifications - notificationOf.size(), dupNotifications,
                countriesOfEvent.size() - consultationNotifying + " alert events, " + consultationNotifying
                        + " consultation events; UNIQUE (country, source_key)");
        // e-mail and webhook: an alert's versions are coalesced per (alert, liaison, channel) (docs/notification.md):
        // at least the first notice of every alert; a consultation event is one delivery per (event, liaison, channel)
        long expectedDeliveries = 0;
        long foundDeliveries = 0;
        Set<String> notifiedAlerts = new HashSet<>();
        long alertEventChannels = 0;
        for (Event e : alertEvents) {
            if (notifying(e.type())) {
                notifiedAlerts.add(e.aggregateId());
                for (String country : releasable.getOrDefault(e.aggregateId(), Set.of())) {
                    alertEventChannels += liaisonChannels.getOrDefault(country, List.of()).stream()
                            .filter(rc -> !"STREAM".equals(rc[1])).count();
                }
            }
        }
        for (String alertId : notifiedAlerts) {
            for (String country : releasable.getOrDefault(alertId, Set.of())) {
                for (String[] rc : liaisonChannels.getOrDefault(country, List.of())) {
                    if (!"STREAM".equals(rc[1])) {
                        expectedDeliveries++;
                        foundDeliveries += alertDeliveries.containsKey(alertId + "/" + rc[0] + "/" + rc[1]) ? 1 : 0;
                    }
                }
            }
        }
        long alertDeliveryRows = alertDeliveries.values().stream().mapToLong(Integer::longValue).sum();
        Set<String> alertEventIds = new HashSet<>();
        alertEvents.forEach(a -> alertEventIds.add(a.eventId()));
        for (Map.Entry<String, Set<String>> e : countriesOfEvent.entrySet()) {
            if (alertEventIds.contains(e.getKey())) {
                continue;
            }
            for (String country : e.getValue()) {
                for (String[] rc : liaisonChannels.getOrDefault(country, List.of())) {
                    if (!"STREAM".equals(rc[1])) {
                        expectedDeliveries++;
                        foundDeliveries += deliveryCopies.containsKey(e.getKey() + "/" + rc[0] + "/" + rc[1]) ? 1 : 0;
                    }
                }
            }
        }
        long dupDeliveries = deliveryCopies.values().stream().mapToLong(n -> n - 1).sum();
        tally.add("(alert or consultation event, liaison, e-mail/webhook) -> delivered", expectedDeliveries,
                foundDeliveries, expectedDeliveries - foundDeliveries, dupDeliveries,
                "alert versions coalesced: " + alertDeliveryRows + " deliveries for " + alertEventChannels
                        + " (alert event, liaison, channel); UNIQUE (source_key, recipient_id, channel)");
        long notSent = byStatus.entrySet().stream().filter(e -> !e.getKey().endsWith(" SENT"))
                .mapToLong(Map.Entry::getValue).sum();
        long primaryTotal = byStatus.values().stream().mapToLong(Long::longValue).sum();
        tally.add("those deliveries ended SENT", primaryTotal, primaryTotal - notSent, notSent, 0,
                byStatus.toString());
        long escTotal = escalationByStatus.values().stream().mapToLong(Long::longValue).sum();
        long escNotSent = escalationByStatus.entrySet().stream().filter(e -> !e.getKey().endsWith(" SENT"))
                .mapToLong(Map.Entry::getValue).sum();
        tally.add("acknowledgement-overdue escalations: deliveries SENT", escTotal, escTotal - escNotSent, escNotSent,
                0, escalationNotifications + " notifications (duty officers, senior officials); "
                        + escalationByStatus);

        // 4. e-mail actually received (IMAP) against EMAIL deliveries SENT
        Map<String, Integer> mails = new HashMap<>();
        long inboxTotal = 0;
        for (String mailbox : new HashSet<>(mailboxes)) {
            inboxTotal += Imap.countDeliveries(layout.imapPort(), mailbox, mails);
        }
        long received = 0;
        long extra = 0;
        for (String id : emailDeliveriesSent) {
            int n = mails.getOrDefault(id, 0);
            received += n > 0 ? 1 : 0;
            extra += Math.max(0, n - 1);
        }
        tally.add("EMAIL deliveries SENT -> e-mails in the mailboxes (IMAP)", emailDeliveriesSent.size(), received,
                emailDeliveriesSent.size() - received, extra, inboxTotal + " messages in "
                        + new HashSet<>(mailboxes).size() + " inboxes since the stack started");

        // 5. live streams: every run notification's seq exactly once per country; every alert notification seen
        for (StreamWatch stream : streams) {
            String country = stream.user().startsWith("us") ? "USA" : stream.user().startsWith("kr") ? "KOR" : "JPN";
            Map<Long, Integer> seen = stream.seqs();
            List<Long> expected = seqsOfCountry.getOrDefault(country, List.of());
            long got = expected.stream().filter(seen::containsKey).count();
            long dup = seen.values().stream().mapToLong(n -> n - 1).sum();
            long max = seen.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            long min = seen.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
            long gaps = seen.isEmpty() ? 0 : (max - min + 1) - seen.size();
            tally.add("SSE " + country + " (" + stream.user() + "): drill notifications received", expected.size(),
                    got, expected.size() - got, dup, stream.connections() + " connections (reconnected with"
                            + " Last-Event-ID), seq " + min + ".." + max + ", " + gaps + " gaps");
            long alertExpected = 0;
            long alertSeen = 0;
            Set<String> sources = stream.sourceEvents();
            for (Event e : alertEvents) {
                if (notifying(e.type()) && releasable.getOrDefault(e.aggregateId(), Set.of()).contains(country)) {
                    alertExpected++;
                    alertSeen += sources.contains("ALERT/" + e.eventId()) ? 1 : 0;
                }
            }
            tally.add("SSE " + country + ": alert notifications seen", alertExpected, alertSeen,
                    alertExpected - alertSeen, 0, "");
        }

        // 6. dead letters: every bad message on the feed's DLQ with a reason, nothing else of ours there
        Map<DrillFeed.Kind, Long> injected = new EnumMap<>(DrillFeed.Kind.class);
        for (DrillFeed.Planned p : feed.plan()) {
            if (p.kind() != DrillFeed.Kind.VALID) {
                injected.merge(p.kind(), 1L, Long::sum);
            }
        }
        // a bad message counts once per original record (the dead letter's origin headers): a crash after the dead
        // letter reached the broker but before the consumer's offsets were committed dead-letters it again, with the
        // same origin (at-least-once, reliability.md note 4); a second origin would be a real duplicate
        Map<String, Set<String>> deadBadOrigins = new HashMap<>();
        Map<String, Integer> deadBad = new HashMap<>();
        Map<DrillFeed.Kind, String> sampleReason = new EnumMap<>(DrillFeed.Kind.class);
        Map<DrillFeed.Kind, Long> withReason = new EnumMap<>(DrillFeed.Kind.class);
        long deadValid = 0;
        Pattern ours = Pattern.compile(Pattern.quote(prefix()) + "(bad-\\d+|\\d+-\\d)");
        for (ConsumerRecord<String, byte[]> r : readFrom(Topics.deadLetter(Topics.FEED_MISSILE_LAUNCH),
                dlqStart.get(Topics.deadLetter(Topics.FEED_MISSILE_LAUNCH)))) {
            byte[] v = r.value() == null ? new byte[0] : r.value();
            Matcher m = ours.matcher(new String(v, 0, Math.min(v.length, 4_000), StandardCharsets.ISO_8859_1));
            if (!m.find()) {
                continue;
            }
            DrillFeed.Planned p = planned.get(prefix() + m.group(1));
            if (p == null) {
                continue;
            }
            if (p.kind() == DrillFeed.Kind.VALID) {
                deadValid++;
                continue;
            }
            deadBad.merge(p.id(runId), 1, Integer::sum);
            String origin = header(r, "dead-letter-topic") + "-" + header(r, "dead-letter-partition") + "@"
                    + header(r, "dead-letter-offset");
            if (!deadBadOrigins.computeIfAbsent(p.id(runId), k -> new HashSet<>()).add(origin)) {
                continue;
            }
            String reason = header(r, "dead-letter-reason");
            if (reason != null && !reason.isBlank()) {
                withReason.merge(p.kind(), 1L, Long::sum);
                sampleReason.putIfAbsent(p.kind(), reason.length() > 110 ? reason.substring(0, 110) + "..." : reason);
            }
        }
        for (Map.Entry<DrillFeed.Kind, Long> e : injected.entrySet()) {
            long found = deadBad.keySet().stream().filter(id -> planned.get(id).kind() == e.getKey()).count();
            long dup = deadBadOrigins.entrySet().stream().filter(d -> planned.get(d.getKey()).kind() == e.getKey())
                    .mapToLong(d -> d.getValue().size() - 1).sum();
            long resent = deadBad.entrySet().stream().filter(d -> planned.get(d.getKey()).kind() == e.getKey())
                    .mapToLong(d -> d.getValue() - deadBadOrigins.get(d.getKey()).size()).sum();
            long accepted = badAccepted.stream().filter(id -> planned.get(id) != null
                    && planned.get(id).kind() == e.getKey()).count();
            tally.add("bad: " + e.getKey().name().toLowerCase().replace('_', ' ') + " -> " + Topics.deadLetter(
                    Topics.FEED_MISSILE_LAUNCH) + " with a reason", e.getValue(), withReason.getOrDefault(e.getKey(),
                    0L), e.getValue() - withReason.getOrDefault(e.getKey(), 0L), dup,
                    (accepted > 0 ? "**" + accepted + " ACCEPTED as reports**; " : "")
                            + (resent > 0 ? resent + " dead letter(s) written again for the same origin offset"
                                    + " across a crash; " : "") + "reason e.g. `"
                            + sampleReason.getOrDefault(e.getKey(), "-").replace("|", "/") + "`");
        }
        tally.add("valid reports dead-lettered", 0, deadValid, 0, deadValid, "");
        for (String topic : List.of(Topics.deadLetter(Topics.ALERTS), Topics.deadLetter(Topics.CONSULTATIONS))) {
            long n = readFrom(topic, dlqStart.get(topic)).size();
            tally.add("records on " + topic + " during the drill", 0, n, 0, n, n == 0 ? "" : "valid events"
                    + " dead-lettered: their effects are missing");
        }
        return tally;
    }

    private static boolean notifying(String ceType) {
        return NOTIFYING.stream().anyMatch(t -> ceType.endsWith("." + t + ".v1"));
    }

    private static Map<String, List<Event>> group(List<Event> events) {
        Map<String, List<Event>> out = new HashMap<>();
        events.forEach(e -> out.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e));
        return out;
    }

    private static List<Event> events(Connection c, Collection<String> aggregates) throws SQLException {
        List<Event> out = new ArrayList<>();
        for (Object[] row : rows(c, "SELECT aggregate_id, event_id::text, event_type, published_at IS NOT NULL"
                + " FROM outbox_event WHERE aggregate_id = ANY(?)", aggregates)) {
            out.add(new Event((String) row[0], (String) row[1], (String) row[2], Boolean.TRUE.equals(row[3])));
        }
        return out;
    }

    private static List<Object[]> rows(Connection c, String sql, Collection<String> values) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("ANY(?)")) {
                Array array = c.createArrayOf("varchar", values.toArray());
                s.setArray(1, array);
            }
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** End offsets now of the dead-letter topics (where the drill starts reading afterwards). */
    Map<String, Long> deadLetterEnds() {
        Map<String, Long> ends = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (String topic : List.of(Topics.deadLetter(Topics.FEED_MISSILE_LAUNCH), Topics.deadLetter(Topics.ALERTS),
                    Topics.deadLetter(Topics.CONSULTATIONS))) {
                TopicPartition tp = new TopicPartition(topic, 0);
                ends.put(topic, consumer.endOffsets(List.of(tp)).get(tp));
            }
        }
        return ends;
    }

    private List<ConsumerRecord<String, byte[]>> readFrom(String topic, long from) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            consumer.seek(tp, from);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties large = new Properties();
        large.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
        return KafkaReaders.reader(layout.kafka(KafkaPrincipal.DRILL), "drill-verify", large);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
