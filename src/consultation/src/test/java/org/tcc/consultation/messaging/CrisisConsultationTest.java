package org.tcc.consultation.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.AlertEvents;
import org.tcc.consultation.Api;
import org.tcc.consultation.Events;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.testsupport.KafkaProbe;

/**
 * One consultation per crisis, through the real broker and database: alerts of one type, region and traffic status
 * within the crisis window join the open consultation instead of convening new ones, listed in it, on its timeline
 * and announced by {@code ConsultationAlertAdded}; anything else convenes anew.
 */
@QuarkusTest
class CrisisConsultationTest {

    static final List<Country> ALL = List.of(Country.USA, Country.KOR, Country.JPN);
    static final List<Country> US_KR = List.of(Country.USA, Country.KOR);
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AlertEventsConsumer consumer;

    @Inject
    EntityManager em;

    static AlertEvents.Crisis salvo() {
        return AlertEvents.crisis(AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL);
    }

    /** The consultations the alerts are in. */
    Set<String> consultationsOf(List<String> alertIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery(
                            "SELECT DISTINCT consultation_id::text FROM consultation_alert WHERE alert_id = ANY(?1)")
                    .setParameter(1, alertIds.stream().map(UUID::fromString).toArray(UUID[]::new)).getResultList();
            Set<String> out = new HashSet<>();
            ids.forEach(id -> out.add(id.toString()));
            return out;
        });
    }

    String consultationOf(String alertId) {
        Set<String> ids = consultationsOf(List.of(alertId));
        assertEquals(1, ids.size(), "alert " + alertId + " is in exactly one consultation");
        return ids.iterator().next();
    }

    String awaitConsultationOf(String alertId) {
        await().atMost(WAIT).until(() -> consultationsOf(List.of(alertId)).size() == 1);
        return consultationOf(alertId);
    }

    static JsonPath view(String user, String id) {
        return as(user).get(Api.BASE + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> timeline(String user, String id) {
        return Api.all(user, Api.BASE + "/" + id + "/timeline");
    }

    /** An audit entry's details: JSON text, exactly as stored and hashed. */
    static Map<String, Object> details(Map<String, Object> entry) {
        try {
            return org.tcc.contracts.Json.mapper().readValue(String.valueOf(entry.get("details")),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    // ---------------------------------------------------------------------------------------------- a salvo

    @Test
    void aSalvoOf20AlertsGivesOneConsultationListingEveryAlertAndRedeliveriesAddNothing() {
        AlertEvents.Crisis crisis = salvo();
        List<String> alerts = ids(20);
        List<String> eventIds = new ArrayList<>();
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            for (int i = 0; i < alerts.size(); i++) {
                eventIds.add(AlertEvents.send(EventType.ALERT_RAISED,
                        AlertEvents.raised(crisis, alerts.get(i), Severity.Severe, ALL, 15L * i)));
            }
            await().atMost(WAIT).until(() -> consultationsOf(alerts).size() == 1
                    && QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "SELECT count(*) FROM consultation_alert WHERE alert_id = ANY(?1)")
                    .setParameter(1, alerts.stream().map(UUID::fromString).toArray(UUID[]::new))
                    .getSingleResult()).intValue()) == 20);
            String id = consultationOf(alerts.get(0));
            List<ConsumerRecord<String, byte[]>> added = probe.await(
                    Events.of(id, EventType.CONSULTATION_ALERT_ADDED), 19, WAIT);
            assertEquals(1, probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(Events.of(id, EventType.CONSULTATION_CONVENED)).count(), "convened once");
            Set<String> announced = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : added) {
                announced.add(Events.json(r).path("alertId").asText());
                assertEquals(ALL.stream().map(Enum::name).toList(), AlertConveningTest.Json.list(
                        Events.json(r).path("consultation").path("participants")));
            }
            assertEquals(19, announced.size(), "each added alert announced once");

            JsonPath view = view("jp-liaison", id);
            List<String> listed = view.getList("alertIds");
            assertEquals(new HashSet<>(alerts), new HashSet<>(listed), "the consultation lists all 20 alerts");
            assertEquals(20, listed.size());
            assertEquals(listed.get(0), view.getString("alertId"), "alertId is the founding alert");
            assertTrue(announced.containsAll(listed.subList(1, 20)));

            List<Map<String, Object>> timeline = timeline("kr-liaison", id);
            assertEquals(1, timeline.stream().filter(e -> "CONVENE".equals(e.get("action"))).count());
            List<String> addedOnTimeline = timeline.stream().filter(e -> "ALERT_ADDED".equals(e.get("action")))
                    .map(e -> String.valueOf(details(e).get("alertId"))).toList();
            assertEquals(new HashSet<>(listed.subList(1, 20)), new HashSet<>(addedOnTimeline),
                    "the timeline shows each alert added");
            assertEquals(19, addedOnTimeline.size());

            // redelivered (same event id), re-raised under a fresh event id, and updated: nothing is added
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, alerts.get(5), Severity.Severe, ALL,
                    75), eventIds.get(5));
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, alerts.get(7), Severity.Severe, ALL,
                    105));
            AlertEvents.send(EventType.ALERT_UPDATED, AlertEvents.updated(crisis, alerts.get(3), 2, 45));
            await().atMost(WAIT).until(() -> timeline("kr-liaison", id).stream()
                    .anyMatch(e -> "ALERT_UPDATED".equals(e.get("action"))));
            assertEquals(19, probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(Events.of(id, EventType.CONSULTATION_ALERT_ADDED)).count(),
                    "still the 19 additions (drain returns all the probe saw): nothing added twice");
            assertEquals(listed, view("jp-liaison", id).getList("alertIds"));
            assertEquals(19, timeline("kr-liaison", id).stream()
                    .filter(e -> "ALERT_ADDED".equals(e.get("action"))).count());
        }
    }

    // ------------------------------------------------------------------------------------ another crisis

    @Test
    void anotherRegionOrTypeOrStatusOrAnAlertAfterTheWindowConvenesItsOwn() {
        AlertEvents.Crisis crisis = salvo();
        String first = UUID.randomUUID().toString();
        String otherRegion = UUID.randomUUID().toString();
        String otherType = UUID.randomUUID().toString();
        String exercise = UUID.randomUUID().toString();
        String afterWindow = UUID.randomUUID().toString();
        String followUp = UUID.randomUUID().toString();
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, first, Severity.Severe, ALL, 0));
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(new AlertEvents.Crisis(crisis.type(),
                Region.EAST_CHINA_SEA, crisis.status(), crisis.at()), otherRegion, Severity.Severe, ALL, 10));
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(new AlertEvents.Crisis(AlertType.NUCLEAR_TEST,
                crisis.region(), crisis.status(), crisis.at()), otherType, Severity.Severe, ALL, 20));
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(new AlertEvents.Crisis(crisis.type(),
                crisis.region(), TrafficStatus.EXERCISE, crisis.at()), exercise, Severity.Severe, ALL, 30));
        String firstConsultation = awaitConsultationOf(first);
        // 30 min 1 s after the (only) alert of the first consultation: outside the window
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, afterWindow, Severity.Severe, ALL,
                1801));
        String late = awaitConsultationOf(afterWindow);
        // within 30 min of the latest alert of the second one (the window slides): joins it
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, followUp, Severity.Severe, ALL, 3500));

        List<String> all = List.of(first, otherRegion, otherType, exercise, afterWindow, followUp);
        await().atMost(WAIT).until(() -> consultationsOf(List.of(followUp)).size() == 1);
        assertEquals(5, consultationsOf(all).size(), "five crises, five consultations");
        assertEquals(late, consultationOf(followUp), "a follow-up within the window joins");
        assertNotEquals(firstConsultation, late);
        assertEquals(List.of(first), view("us-liaison", firstConsultation).getList("alertIds"));
        assertEquals(List.of(afterWindow, followUp), view("us-liaison", late).getList("alertIds"));
        Map<String, Object> convene = timeline("us-liaison", late).get(0);
        assertEquals("CONVENE", convene.get("action"));
        assertTrue(String.valueOf(details(convene).get("grouping")).contains("within PT30M"),
                "the convening says why it did not join: " + convene);
    }

    @Test
    void anAlertAfterTheConsultationConcludedConvenesANewOne() {
        AlertEvents.Crisis crisis = salvo();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, first, Severity.Severe, US_KR, 0));
        String id = awaitConsultationOf(first);
        for (Country c : US_KR) {
            Api.join(Api.liaisonOf(c), id).statusCode(200);
        }
        for (Country c : US_KR) {
            Api.position(Api.liaisonOf(c), id).statusCode(200);
        }
        String proposal = Api.propose("us-liaison", id).statusCode(201).extract().path("proposal.id");
        for (Country c : US_KR) {
            Api.respond(Api.liaisonOf(c), id, proposal, "approve", null).statusCode(200);
        }
        assertEquals("CONCLUDED", view("kr-liaison", id).getString("phase"));

        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, second, Severity.Severe, US_KR, 60));
        String next = awaitConsultationOf(second);
        assertNotEquals(id, next, "a concluded consultation takes no more alerts");
        assertEquals(List.of(first), view("kr-liaison", id).getList("alertIds"));
        assertEquals("CONVENING", view("kr-liaison", next).getString("phase"));
    }

    // ------------------------------------------------------------------------------------ releasability

    @Test
    void anAlertReleasableToFewerCountriesGetsItsOwnAndOneReleasableToMoreToo() {
        AlertEvents.Crisis crisis = salvo();
        String toAll = UUID.randomUUID().toString();
        String toUsKr = UUID.randomUUID().toString();
        String toUsKrAgain = UUID.randomUUID().toString();
        String toAllAgain = UUID.randomUUID().toString();
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, toAll, Severity.Severe, ALL, 0));
        String wide = awaitConsultationOf(toAll);
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, toUsKr, Severity.Severe, US_KR, 10));
        String narrow = awaitConsultationOf(toUsKr);
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, toUsKrAgain, Severity.Severe, US_KR,
                20));
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, toAllAgain, Severity.Severe, ALL, 30));
        awaitConsultationOf(toUsKrAgain);
        awaitConsultationOf(toAllAgain);

        assertNotEquals(wide, narrow, "an alert releasable to fewer countries gets a consultation of its own");
        assertEquals(narrow, consultationOf(toUsKrAgain), "alerts of the same releasability join that one");
        assertEquals(wide, consultationOf(toAllAgain));
        assertEquals(List.of("USA", "KOR"), view("kr-liaison", narrow).getList("participants.country"));
        assertEquals(List.of(toUsKr, toUsKrAgain), view("kr-liaison", narrow).getList("alertIds"));
        as("jp-liaison").get(Api.BASE + "/" + narrow).then().statusCode(404);
        assertEquals(List.of(toAll, toAllAgain), view("jp-liaison", wide).getList("alertIds"));
        assertTrue(String.valueOf(details(timeline("kr-liaison", narrow).get(0))
                .get("grouping")).contains("fewer countries"));

        // the other way round: a consultation of USA and KOR, then an alert releasable to all three
        AlertEvents.Crisis other = salvo();
        String usKrFirst = UUID.randomUUID().toString();
        String allLater = UUID.randomUUID().toString();
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(other, usKrFirst, Severity.Severe, US_KR, 0));
        String two = awaitConsultationOf(usKrFirst);
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(other, allLater, Severity.Severe, ALL, 10));
        String three = awaitConsultationOf(allLater);
        assertNotEquals(two, three, "JPN is consulted on the alert it may see, not shown the one it may not");
        assertEquals(List.of("USA", "KOR"), view("us-liaison", two).getList("participants.country"));
        assertEquals(List.of("USA", "KOR", "JPN"), view("jp-liaison", three).getList("participants.country"));
        assertEquals(List.of(allLater), view("jp-liaison", three).getList("alertIds"));
    }

    // ------------------------------------------------------------------------------------ cancellations

    @Test
    void theConsultationEndsOnlyWhenEveryAlertOfItIsCancelled() {
        AlertEvents.Crisis crisis = salvo();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, first, Severity.Severe, ALL, 0));
        String id = awaitConsultationOf(first);
        AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(crisis, second, Severity.Severe, ALL, 15));
        awaitConsultationOf(second);
        AlertEvents.send(EventType.ALERT_CANCELLED, AlertEvents.cancelled(crisis, first, 2, 0));
        await().atMost(WAIT).until(() -> timeline("us-liaison", id).stream()
                .anyMatch(e -> "ALERT_CANCELLED".equals(e.get("action"))));
        assertEquals("CONVENING", view("us-liaison", id).getString("phase"), "one missile still stands");
        AlertEvents.send(EventType.ALERT_CANCELLED, AlertEvents.cancelled(crisis, second, 2, 15));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(view("us-liaison", id).getString("phase")));
    }

    // ------------------------------------------------------------------------------------ concurrency

    /**
     * Two polled batches of one salvo applied at the same moment, by two consumers (as two replicas or two
     * partitions would), and each batch holding ten alerts: still one consultation, listing all twenty. Several
     * rounds, each a fresh crisis, to give a race every chance.
     */
    @Test
    void twoConcurrentBatchesOfOneSalvoOpenOneConsultation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                AlertEvents.Crisis crisis = salvo();
                List<String> a = ids(10);
                List<String> b = ids(10);
                CountDownLatch start = new CountDownLatch(1);
                Future<?> one = pool.submit(() -> deliver(start, crisis, a, 0));
                Future<?> two = pool.submit(() -> deliver(start, crisis, b, 5));
                start.countDown();
                one.get(60, TimeUnit.SECONDS);
                two.get(60, TimeUnit.SECONDS);
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                Set<String> consultations = consultationsOf(all);
                assertEquals(1, consultations.size(), "round " + round + ": one consultation for the salvo");
                assertEquals(20, view("us-liaison", consultations.iterator().next()).getList("alertIds").size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Void deliver(CountDownLatch start, AlertEvents.Crisis crisis, List<String> alertIds, long offset) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < alertIds.size(); i++) {
            AlertRaised raised = AlertEvents.raised(crisis, alertIds.get(i), Severity.Extreme, ALL, offset + 10L * i);
            records.add(AlertBatchCostTest.record(i, EventType.ALERT_RAISED, raised));
        }
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        consumer.consume(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ALERTS, 0), records), Map.of()));
        return null;
    }
}
