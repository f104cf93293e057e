package org.tcc.consultation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.consultation.ConsultationClosed;
import org.tcc.contracts.events.consultation.ConsultationConcluded;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ConsultationEvent;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.Level;
import org.tcc.contracts.events.consultation.ParticipantJoined;
import org.tcc.contracts.events.consultation.ProposalAbstained;
import org.tcc.contracts.events.consultation.ProposalApproved;
import org.tcc.contracts.events.consultation.ProposalDeclined;
import org.tcc.contracts.events.consultation.ProposalSubmitted;

/** The consultation state machine: every command in every phase, allowed or refused, in plain JUnit. */
class ConsultationTest {

    static final Instant T0 = Instant.parse("2026-03-14T21:07:20Z");
    static final Deadlines DEADLINES = new Deadlines(Duration.ofMinutes(15), Duration.ofMinutes(30));
    static final Actor US = new Actor("us-liaison", Country.USA);
    static final Actor KR = new Actor("kr-liaison", Country.KOR);
    static final Actor JP = new Actor("jp-liaison", Country.JPN);
    static final List<Actor> ALL = List.of(US, KR, JP);

    // ------------------------------------------------------------------------------------------ fixtures

    static Consultation convening(Set<Country> participants) {
        return Consultation.convene(new Consultation.Convening("c-1", null, "DPRK launch", AlertType.MISSILE_LAUNCH,
                Region.SEA_OF_JAPAN, TrafficStatus.EXERCISE, Level.WORKING, participants, US), T0, DEADLINES)
                .consultation();
    }

    static Consultation convening() {
        return convening(EnumSet.allOf(Country.class));
    }

    static Consultation inSession() {
        Consultation c = convening();
        ALL.forEach(a -> applied(c.join(a, T0.plusSeconds(10))));
        return c;
    }

    static Consultation positionsIn() {
        Consultation c = inSession();
        ALL.forEach(a -> applied(c.submitPosition(a, "assessment of " + a.country(), "position", T0.plusSeconds(20))));
        return c;
    }

    static Consultation proposed() {
        Consultation c = positionsIn();
        applied(c.propose(KR, "p-1", "Joint statement", List.of("Convene UNSC"), T0.plusSeconds(30), DEADLINES));
        return c;
    }

    static Consultation concluded() {
        Consultation c = proposed();
        ALL.forEach(a -> applied(c.approve(a, "p-1", T0.plusSeconds(40))));
        return c;
    }

    static Consultation closed() {
        Consultation c = inSession();
        applied(c.close(JP, "no joint response needed", T0.plusSeconds(50)));
        return c;
    }

    static Consultation cancelled() {
        Consultation c = proposed();
        applied(c.cancel("alert cancelled: false alarm", T0.plusSeconds(50)));
        return c;
    }

    static Outcome.Applied applied(Outcome outcome) {
        return assertInstanceOf(Outcome.Applied.class, outcome, () -> "refused: " + outcome);
    }

    static Outcome.Refused refused(Outcome outcome) {
        return assertInstanceOf(Outcome.Refused.class, outcome, () -> "applied: " + outcome);
    }

    // -------------------------------------------------------------------- every command in every phase

    /** null = allowed; otherwise the expected refusal. USA acts; the current proposal id is p-1. */
    record Row(String phase, Supplier<Consultation> fixture, Map<String, Refusal> expected) {
    }

    static final Map<String, Function<Consultation, Outcome>> COMMANDS = new LinkedHashMap<>();

    static {
        Instant t = T0.plusSeconds(60);
        COMMANDS.put("join", c -> c.join(US, t));
        COMMANDS.put("submitPosition", c -> c.submitPosition(US, "a", "p", t));
        COMMANDS.put("propose", c -> c.propose(US, "p-2", "s", List.of("x"), t, DEADLINES));
        COMMANDS.put("approve", c -> c.approve(US, "p-1", t));
        COMMANDS.put("decline", c -> c.decline(US, "p-1", "no", t));
        COMMANDS.put("abstain", c -> c.abstain(US, "p-1", "neutral", t));
        COMMANDS.put("close", c -> c.close(US, "done", t));
        COMMANDS.put("cancel", c -> c.cancel("alert cancelled", t));
        COMMANDS.put("escalateOverdue (nothing due)", c -> c.escalateOverdue(t, DEADLINES));
    }

    static Map<String, Refusal> expect(Refusal join, Refusal position, Refusal propose, Refusal respond,
                                       Refusal close, Refusal cancel) {
        Map<String, Refusal> m = new LinkedHashMap<>();
        m.put("join", join);
        m.put("submitPosition", position);
        m.put("propose", propose);
        m.put("approve", respond);
        m.put("decline", respond);
        m.put("abstain", respond);
        m.put("close", close);
        m.put("cancel", cancel);
        m.put("escalateOverdue (nothing due)", Refusal.NOTHING_OVERDUE);
        return m;
    }

    static final Refusal OK = null;
    static final Refusal ILLEGAL = Refusal.ILLEGAL_IN_PHASE;

    static List<Row> table() {
        return List.of(
                new Row("CONVENING", ConsultationTest::convening, expect(OK, ILLEGAL, ILLEGAL, ILLEGAL, OK, OK)),
                new Row("IN_SESSION (positions missing)", ConsultationTest::inSession,
                        expect(Refusal.ALREADY_DONE, OK, Refusal.POSITIONS_MISSING, ILLEGAL, OK, OK)),
                new Row("IN_SESSION (positions in)", ConsultationTest::positionsIn,
                        expect(Refusal.ALREADY_DONE, OK, OK, ILLEGAL, OK, OK)),
                new Row("PROPOSED", ConsultationTest::proposed,
                        expect(Refusal.ALREADY_DONE, ILLEGAL, ILLEGAL, OK, OK, OK)),
                new Row("CONCLUDED", ConsultationTest::concluded,
                        expect(ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL)),
                new Row("CLOSED", ConsultationTest::closed,
                        expect(ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL)),
                new Row("CANCELLED", ConsultationTest::cancelled,
                        expect(ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL)));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInEveryPhase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table()) {
            for (Map.Entry<String, Function<Consultation, Outcome>> command : COMMANDS.entrySet()) {
                Refusal expected = row.expected().get(command.getKey());
                String name = row.phase() + " / " + command.getKey() + " -> " + (expected == null ? "applied" : expected);
                tests.add(dynamicTest(name, () -> {
                    Consultation c = row.fixture().get();
                    ConsultationPhase phaseBefore = c.phase();
                    long versionBefore = c.version();
                    Outcome outcome = command.getValue().apply(c);
                    if (expected == null) {
                        Outcome.Applied a = applied(outcome);
                        assertEquals(phaseBefore, a.before());
                        assertEquals(c.phase(), a.after());
                        assertEquals(versionBefore + a.events().size(), c.version(), "one version per event");
                        a.events().forEach(ConsultationTest::assertMatchesSchema);
                    } else {
                        Outcome.Refused r = refused(outcome);
                        assertEquals(expected, r.refusal());
                        assertEquals(phaseBefore, r.phase(), "a refusal names the current phase");
                        assertEquals(phaseBefore, c.phase(), "a refused command changes nothing");
                        assertEquals(versionBefore, c.version(), "a refused command changes nothing");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aNonParticipantIsRefusedEverywhere() {
        Instant t = T0.plusSeconds(5);
        Map<String, Function<Consultation, Outcome>> commands = new LinkedHashMap<>();
        commands.put("join", c -> c.join(JP, t));
        commands.put("submitPosition", c -> c.submitPosition(JP, "a", "p", t));
        commands.put("propose", c -> c.propose(JP, "p", "s", List.of(), t, DEADLINES));
        commands.put("approve", c -> c.approve(JP, "p", t));
        commands.put("decline", c -> c.decline(JP, "p", "r", t));
        commands.put("abstain", c -> c.abstain(JP, "p", "r", t));
        commands.put("close", c -> c.close(JP, "r", t));
        return commands.entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            Consultation c = convening(EnumSet.of(Country.USA, Country.KOR));
            assertEquals(Refusal.NOT_A_PARTICIPANT, refused(e.getValue().apply(c)).refusal());
            assertEquals(1, c.version());
        }));
    }

    // ------------------------------------------------------------------------------------------ paths

    @Test
    void convenedConsultationWaitsForEveryParticipant() {
        Consultation.Convened convened = Consultation.convene(new Consultation.Convening("c-9", "3f6c2b1e-8a4d-4c1e-9b7a-2d5e8f0a1c34", "s",
                AlertType.NUCLEAR_TEST, Region.KOREAN_PENINSULA, TrafficStatus.ACTUAL, Level.SENIOR,
                EnumSet.of(Country.KOR, Country.USA), null), T0, DEADLINES);
        Consultation c = convened.consultation();
        assertEquals(ConsultationPhase.CONVENING, c.phase());
        assertEquals(1, c.version());
        assertEquals(List.of(Country.USA, Country.KOR), c.state().participants());
        assertEquals(T0.plus(DEADLINES.join()), convened.event().joinDeadline());
        assertNull(convened.event().convenedBy());
        assertEquals(Optional.of(T0.plus(DEADLINES.join())), c.nextDeadline());
        assertMatchesSchema(convened.event());
    }

    @Test
    void theLastParticipantToJoinOpensTheSession() {
        Consultation c = convening();
        applied(c.join(US, T0));
        Outcome.Applied second = applied(c.join(KR, T0));
        assertEquals(ConsultationPhase.CONVENING, second.after());
        assertEquals(List.of(Country.USA, Country.KOR), ((ParticipantJoined) second.events().get(0)).consultation().joined());
        Outcome.Applied last = applied(c.join(JP, T0));
        assertEquals(ConsultationPhase.CONVENING, last.before());
        assertEquals(ConsultationPhase.IN_SESSION, last.after());
        assertEquals(ConsultationPhase.IN_SESSION, last.events().get(0).consultation().phase());
        assertEquals(Optional.empty(), c.nextDeadline(), "no join deadline runs once all have joined");
        assertEquals(Refusal.ALREADY_DONE, refused(c.join(US, T0)).refusal());
    }

    @Test
    void aParticipantMayReviseItsPositionWhileInSession() {
        Consultation c = positionsIn();
        applied(c.submitPosition(US, "revised", "revised position", T0.plusSeconds(25)));
        assertEquals("revised position", c.participant(Country.USA).orElseThrow().position().position());
    }

    @Test
    void proposingOpensAResponseDeadlineForEveryParticipant() {
        Consultation c = positionsIn();
        Outcome.Applied a = applied(c.propose(KR, "p-1", "Joint statement", List.of("a1", "a2"), T0, DEADLINES));
        ProposalSubmitted event = (ProposalSubmitted) a.events().get(0);
        assertEquals(ConsultationPhase.PROPOSED, c.phase());
        assertEquals(T0.plus(DEADLINES.respond()), event.responseDeadline());
        assertEquals(KR, event.by());
        c.participants().forEach(p -> assertEquals(T0.plus(DEADLINES.respond()), p.respondDue()));
        assertEquals(Optional.of(T0.plus(DEADLINES.respond())), c.nextDeadline());
    }

    @Test
    void unanimousApprovalConcludesAsAgreed() {
        Consultation c = proposed();
        applied(c.approve(US, "p-1", T0));
        applied(c.approve(KR, "p-1", T0));
        Outcome.Applied last = applied(c.approve(JP, "p-1", T0));
        assertEquals(2, last.events().size());
        assertInstanceOf(ProposalApproved.class, last.events().get(0));
        assertEquals(ConsultationPhase.PROPOSED, last.events().get(0).consultation().phase());
        ConsultationConcluded concluded = assertInstanceOf(ConsultationConcluded.class, last.events().get(1));
        assertEquals(Consultation.AGREED, concluded.outcome());
        assertEquals("p-1", concluded.proposalId());
        assertEquals(List.of("Convene UNSC"), concluded.actions());
        assertEquals(ConsultationPhase.CONCLUDED, c.phase());
        assertEquals(concluded.consultation().version(), last.events().get(0).consultation().version() + 1);
        assertEquals(Optional.empty(), c.nextDeadline());
    }

    @Test
    void abstentionsDoNotBlockAJointResponse() {
        Consultation c = proposed();
        applied(c.abstain(JP, "p-1", "domestic legal review pending", T0));
        applied(c.approve(US, "p-1", T0));
        Outcome.Applied last = applied(c.approve(KR, "p-1", T0));
        assertEquals(ConsultationPhase.CONCLUDED, last.after());
        assertEquals(Consultation.AGREED_WITH_ABSTENTIONS, c.outcome());
    }

    @Test
    void aLastAbstentionAlsoConcludes() {
        Consultation c = proposed();
        applied(c.approve(US, "p-1", T0));
        applied(c.approve(KR, "p-1", T0));
        Outcome.Applied last = applied(c.abstain(JP, "p-1", "neutral", T0));
        assertInstanceOf(ProposalAbstained.class, last.events().get(0));
        assertInstanceOf(ConsultationConcluded.class, last.events().get(1));
    }

    @Test
    void whenEverybodyAbstainsThereIsNoJointResponseAndTheSessionResumes() {
        Consultation c = proposed();
        applied(c.abstain(US, "p-1", "r", T0));
        applied(c.abstain(KR, "p-1", "r", T0));
        Outcome.Applied last = applied(c.abstain(JP, "p-1", "r", T0));
        assertEquals(ConsultationPhase.IN_SESSION, last.after());
        assertEquals(1, last.events().size());
        assertNull(c.outcome());
    }

    @Test
    void aDeclineDefeatsTheProposalAtOnceAndARevisedOneMayFollow() {
        Consultation c = proposed();
        applied(c.approve(US, "p-1", T0));
        Outcome.Applied declined = applied(c.decline(JP, "p-1", "freedom of action: bilateral channel first", T0));
        ProposalDeclined event = assertInstanceOf(ProposalDeclined.class, declined.events().get(0));
        assertEquals("freedom of action: bilateral channel first", event.reason());
        assertEquals(ConsultationPhase.IN_SESSION, c.phase());
        assertEquals(Optional.empty(), c.nextDeadline());
        assertEquals(Refusal.ILLEGAL_IN_PHASE, refused(c.approve(KR, "p-1", T0)).refusal());

        applied(c.propose(JP, "p-2", "Revised statement", List.of(), T0.plusSeconds(1), DEADLINES));
        assertEquals(Refusal.NOT_THE_CURRENT_PROPOSAL, refused(c.approve(US, "p-1", T0)).refusal());
        c.participants().forEach(p -> assertNull(p.reply(), "a new proposal asks everybody again"));
        ALL.forEach(a -> applied(c.approve(a, "p-2", T0.plusSeconds(2))));
        assertEquals(ConsultationPhase.CONCLUDED, c.phase());
        assertEquals("p-2", c.proposal().id());
    }

    @Test
    void eachParticipantRespondsOnce() {
        Consultation c = proposed();
        applied(c.approve(US, "p-1", T0));
        assertEquals(Refusal.ALREADY_DONE, refused(c.approve(US, "p-1", T0)).refusal());
        assertEquals(Refusal.ALREADY_DONE, refused(c.decline(US, "p-1", "changed my mind", T0)).refusal());
    }

    @Test
    void closingEndsWithoutAJointResponse() {
        Consultation c = proposed();
        Outcome.Applied a = applied(c.close(US, "overtaken by events", T0));
        ConsultationClosed closed = assertInstanceOf(ConsultationClosed.class, a.events().get(0));
        assertEquals(US, closed.closedBy());
        assertEquals(ConsultationPhase.CLOSED, closed.consultation().phase());
        assertEquals(Optional.empty(), c.nextDeadline());
    }

    @Test
    void cancellingTheAlertEndsTheConsultationAsCancelled() {
        Consultation c = convening();
        Outcome.Applied a = applied(c.cancel("alert cancelled: sensor fault", T0));
        ConsultationClosed closed = assertInstanceOf(ConsultationClosed.class, a.events().get(0));
        assertNull(closed.closedBy());
        assertEquals(ConsultationPhase.CANCELLED, closed.consultation().phase());
    }

    // ------------------------------------------------------------------------------------------ escalation

    @Test
    void silentCountriesEscalateOnceAStepUntilMinisterial() {
        Consultation c = convening();
        applied(c.join(US, T0.plusSeconds(1)));
        Instant due = T0.plus(DEADLINES.join());
        assertEquals(Refusal.NOTHING_OVERDUE, refused(c.escalateOverdue(due.minusMillis(1), DEADLINES)).refusal());

        Outcome.Applied first = applied(c.escalateOverdue(due, DEADLINES));
        assertEquals(2, first.events().size(), "one event per silent country");
        ConsultationEscalated kr = (ConsultationEscalated) first.events().get(0);
        ConsultationEscalated jp = (ConsultationEscalated) first.events().get(1);
        assertEquals(Country.KOR, kr.silentCountry());
        assertEquals(Country.JPN, jp.silentCountry());
        assertEquals(ConsultationEscalated.MISSED_JOIN, kr.missed());
        assertEquals(Level.WORKING, kr.fromLevel());
        assertEquals(Level.SENIOR, kr.toLevel());
        assertEquals(due, kr.dueAt());
        assertEquals(Level.SENIOR, c.level());
        first.events().forEach(ConsultationTest::assertMatchesSchema);
        assertEquals(Refusal.NOTHING_OVERDUE, refused(c.escalateOverdue(due, DEADLINES)).refusal(),
                "the same deadline never escalates twice");

        Instant renewed = due.plus(DEADLINES.join());
        assertEquals(Optional.of(renewed), c.nextDeadline(), "a fresh deadline at the new level");
        applied(c.join(JP, due.plusSeconds(1)));
        Outcome.Applied second = applied(c.escalateOverdue(renewed, DEADLINES));
        assertEquals(1, second.events().size());
        ConsultationEscalated again = (ConsultationEscalated) second.events().get(0);
        assertEquals(Country.KOR, again.silentCountry());
        assertEquals(Level.SENIOR, again.fromLevel());
        assertEquals(Level.MINISTERIAL, again.toLevel());
        assertEquals(renewed, again.dueAt());
        assertEquals(Optional.empty(), c.nextDeadline(), "nothing is above MINISTERIAL");
        assertEquals(Refusal.NOTHING_OVERDUE,
                refused(c.escalateOverdue(renewed.plus(Duration.ofDays(1)), DEADLINES)).refusal());
        assertEquals(ConsultationPhase.CONVENING, c.phase(), "escalation does not change the phase");
    }

    @Test
    void aCountrySilentOnAProposalEscalatesAsMissedResponse() {
        Consultation c = proposed();
        applied(c.approve(US, "p-1", T0.plusSeconds(31)));
        applied(c.approve(KR, "p-1", T0.plusSeconds(31)));
        Instant due = T0.plusSeconds(30).plus(DEADLINES.respond());
        Outcome.Applied a = applied(c.escalateOverdue(due, DEADLINES));
        ConsultationEscalated e = (ConsultationEscalated) a.events().get(0);
        assertEquals(Country.JPN, e.silentCountry());
        assertEquals(ConsultationEscalated.MISSED_RESPOND, e.missed());
        assertEquals(due, e.dueAt());
        assertEquals(ConsultationPhase.PROPOSED, c.phase());
        applied(c.approve(JP, "p-1", due.plusSeconds(1)));
        assertEquals(ConsultationPhase.CONCLUDED, c.phase());
    }

    @Test
    void aConsultationAlreadyAtMinisterialStillNamesTheSilentCountryOnce() {
        Consultation c = Consultation.convene(new Consultation.Convening("c-2", null, "s", AlertType.OTHER,
                Region.OTHER, TrafficStatus.TEST, Level.MINISTERIAL, EnumSet.of(Country.USA, Country.JPN), US), T0,
                DEADLINES).consultation();
        Outcome.Applied a = applied(c.escalateOverdue(T0.plus(DEADLINES.join()), DEADLINES));
        assertEquals(2, a.events().size());
        ConsultationEscalated e = (ConsultationEscalated) a.events().get(0);
        assertEquals(Level.MINISTERIAL, e.fromLevel());
        assertEquals(Level.MINISTERIAL, e.toLevel());
        assertTrue(c.nextDeadline().isEmpty());
    }

    static void assertMatchesSchema(ConsultationEvent event) {
        EventType type = EventType.ofPayload(event.getClass()).orElseThrow();
        assertEquals(List.of(), SchemaValidation.validate(type, Json.toBytes(event)), type.typeName());
    }
}
