package org.tcc.consultation.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;
import static org.tcc.consultation.Api.join;
import static org.tcc.consultation.Api.position;
import static org.tcc.consultation.Api.propose;
import static org.tcc.consultation.Api.respond;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.Api;
import org.tcc.consultation.Events;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.Topics;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.Tokens;

/** The workflow through the API with real tokens of the three liaisons, its events on the real topic. */
@QuarkusTest
class ConsultationWorkflowTest {

    @Test
    void threeLiaisonsDriveAConsultationToAJointResponse() {
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            String id = Api.convene("us-liaison", "Taiwan Strait blockade drill", Country.USA, Country.KOR,
                    Country.JPN);
            as("us-liaison").get(Api.BASE + "/" + id).then().statusCode(200)
                    .body("phase", equalTo("CONVENING")).body("status", equalTo("EXERCISE"))
                    .body("convenedBy.country", equalTo("USA")).body("participants", hasSize(3));

            join("us-liaison", id).statusCode(200).body("phase", equalTo("CONVENING"));
            join("kr-liaison", id).statusCode(200).body("phase", equalTo("CONVENING"));
            join("jp-liaison", id).statusCode(200).body("phase", equalTo("IN_SESSION"));

            position("us-liaison", id).statusCode(200);
            position("kr-liaison", id).statusCode(200);
            position("jp-liaison", id).statusCode(200).body("participants.assessment",
                    equalTo(List.of("Assessment by us-liaison", "Assessment by kr-liaison", "Assessment by jp-liaison")));

            String proposalId = propose("kr-liaison", id).statusCode(201).body("phase", equalTo("PROPOSED"))
                    .body("proposal.by.country", equalTo("KOR")).extract().path("proposal.id");

            respond("us-liaison", id, proposalId, "approve", null).statusCode(200).body("phase", equalTo("PROPOSED"));
            respond("kr-liaison", id, proposalId, "approve", null).statusCode(200);
            respond("jp-liaison", id, proposalId, "approve", null).statusCode(200)
                    .body("phase", equalTo("CONCLUDED")).body("outcome", equalTo("AGREED"))
                    .body("nextDeadline", equalTo(null));

            List<ConsumerRecord<String, byte[]>> events = probe.await(r -> id.equals(r.key()), 12,
                    Duration.ofSeconds(30));
            assertEquals(List.of("ConsultationConvened", "ParticipantJoined", "ParticipantJoined", "ParticipantJoined",
                            "PositionSubmitted", "PositionSubmitted", "PositionSubmitted", "ProposalSubmitted",
                            "ProposalApproved", "ProposalApproved", "ProposalApproved", "ConsultationConcluded"),
                    events.stream().map(Events::type).toList());
            for (int i = 0; i < events.size(); i++) {
                ConsumerRecord<String, byte[]> e = events.get(i);
                assertEquals(i + 1, Events.json(e).path("consultation").path("version").asLong(), "version per event");
                EventType type = EventType.fromCeType(KafkaProbe.header(e, "ce_type")).orElseThrow();
                assertEquals(List.of(), SchemaValidation.validate(type, e.value()));
            }
            assertEquals("AGREED", Events.json(events.get(11)).path("outcome").asText());

            as("auditor").get("/api/v1/audit/consultations/" + id).then().statusCode(200)
                    .body("items.action", equalTo(List.of("CONVENE", "JOIN", "JOIN", "JOIN", "SUBMIT_POSITION",
                            "SUBMIT_POSITION", "SUBMIT_POSITION", "PROPOSE", "APPROVE", "APPROVE", "APPROVE")))
                    .body("items.country", equalTo(List.of("USA", "USA", "KOR", "JPN", "USA", "KOR", "JPN", "KOR",
                            "USA", "KOR", "JPN")))
                    .body("items[10].phaseBefore", equalTo("PROPOSED"))
                    .body("items[10].phaseAfter", equalTo("CONCLUDED"))
                    .body("items[1].subject", equalTo("us-liaison"));
            as("jp-liaison").get(Api.BASE + "/" + id + "/timeline").then().statusCode(200)
                    .body("items", hasSize(11));
        }
    }

    @Test
    void aDeclineReopensTheSessionAndARevisedProposalConcludesWithAnAbstention() {
        String id = Api.inSessionWithPositions(Country.USA, Country.KOR, Country.JPN);
        String first = propose("us-liaison", id).statusCode(201).extract().path("proposal.id");
        respond("kr-liaison", id, first, "approve", null).statusCode(200);
        respond("jp-liaison", id, first, "decline", "Japan keeps its freedom of action on the statement")
                .statusCode(200).body("phase", equalTo("IN_SESSION"));

        String second = propose("jp-liaison", id).statusCode(201).extract().path("proposal.id");
        respond("us-liaison", id, first, "approve", null).statusCode(409)
                .body("refusal", equalTo("NOT_THE_CURRENT_PROPOSAL")).body("currentState", equalTo("PROPOSED"));
        respond("us-liaison", id, second, "abstain", "Awaiting congressional consultation").statusCode(200);
        respond("kr-liaison", id, second, "approve", null).statusCode(200);
        respond("jp-liaison", id, second, "approve", null).statusCode(200)
                .body("phase", equalTo("CONCLUDED")).body("outcome", equalTo("AGREED_WITH_ABSTENTIONS"))
                .body("participants.find { it.country == 'USA' }.response", equalTo("ABSTAINED"))
                .body("participants.find { it.country == 'USA' }.responseReason",
                        equalTo("Awaiting congressional consultation"));
    }

    @Test
    void aParticipantClosesWithoutAJointResponse() {
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            String id = Api.convene("kr-liaison", "Cyber incident on port systems", Country.KOR, Country.JPN);
            join("kr-liaison", id).statusCode(200);
            Api.post("jp-liaison", "/" + id + "/close", Map.of("reason", "Handled bilaterally"))
                    .statusCode(200).body("phase", equalTo("CLOSED")).body("closedBy.country", equalTo("JPN"));
            ConsumerRecord<String, byte[]> closed = probe.await(Events.of(id, EventType.CONSULTATION_CLOSED), 1,
                    Duration.ofSeconds(20)).get(0);
            assertEquals("Handled bilaterally", Events.json(closed).path("reason").asText());
            assertEquals("CLOSED", Events.json(closed).path("consultation").path("phase").asText());
        }
    }

    @Test
    void illegalTransitionsAreConflictsNamingTheCurrentState() {
        String id = Api.convene("us-liaison", "Airspace violation", Country.USA, Country.KOR);
        propose("us-liaison", id).statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(409)).body("currentState", equalTo("CONVENING"))
                .body("refusal", equalTo("ILLEGAL_IN_PHASE"));
        position("us-liaison", id).statusCode(409).body("currentState", equalTo("CONVENING"));
        join("us-liaison", id).statusCode(200);
        join("us-liaison", id).statusCode(409).body("refusal", equalTo("ALREADY_DONE"));
        join("kr-liaison", id).statusCode(200);
        propose("kr-liaison", id).statusCode(409).body("refusal", equalTo("POSITIONS_MISSING"))
                .body("currentState", equalTo("IN_SESSION"));
        respond("kr-liaison", id, "whatever", "approve", null).statusCode(409)
                .body("currentState", equalTo("IN_SESSION"));
        Api.post("kr-liaison", "/" + id + "/close", Map.of("reason", "Resolved")).statusCode(200);
        join("us-liaison", id).statusCode(409).body("currentState", equalTo("CLOSED"));
        Api.post("us-liaison", "/" + id + "/close", Map.of("reason", "again")).statusCode(409)
                .body("currentState", equalTo("CLOSED"));
    }

    @Test
    void invalidBodiesNameTheField() {
        String id = Api.inSessionWithPositions(Country.USA, Country.JPN);
        Api.post("us-liaison", "/" + id + "/positions", Map.of("assessment", "", "position", "p"))
                .statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("assessment"));
        String proposalId = propose("us-liaison", id).statusCode(201).extract().path("proposal.id");
        respond("jp-liaison", id, proposalId, "decline", null).statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        as("us-liaison").body(Map.of("subject", "s", "type", "NOT_A_TYPE", "region", "OTHER",
                "participants", List.of("USA"))).post(Api.BASE).then().statusCode(422);
    }

    /** Concurrent conflicting actions: exactly one wins, the others get 409, the consultation stays consistent. */
    @Test
    void concurrentProposalsLeaveExactlyOneOnTheTable() throws Exception {
        String id = Api.inSessionWithPositions(Country.USA, Country.KOR, Country.JPN);
        List<String> users = List.of("us-liaison", "kr-liaison", "jp-liaison", "us-liaison", "kr-liaison",
                "jp-liaison");
        users.forEach(Tokens::user);
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
        try {
            for (String user : users) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return propose(user, id).extract();
                }));
            }
            start.countDown();
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            for (Future<ExtractableResponse<Response>> f : futures) {
                ExtractableResponse<Response> r = f.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertTrue(List.of("PROPOSED", "IN_SESSION").contains(r.<String>path("currentState")),
                            r.asString());
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(users.size() - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        as("kr-liaison").get(Api.BASE + "/" + id).then().statusCode(200)
                .body("phase", equalTo("PROPOSED")).body("version", equalTo(8));
        as("auditor").get("/api/v1/audit/consultations/" + id).then().statusCode(200)
                .body("items.findAll { it.action == 'PROPOSE' }", hasSize(1));
    }
}
