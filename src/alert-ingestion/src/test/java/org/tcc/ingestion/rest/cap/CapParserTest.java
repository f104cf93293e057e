package org.tcc.ingestion.rest.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.ingestion.domain.AlertRules;
import org.tcc.kit.rest.Problem;
import org.tcc.testsupport.ProjectRoot;

/** Every file of the CAP fixtures (real OASIS examples and attacks, src/test/resources/cap), through the hardened parser. */
class CapParserTest {

    private static final Path FIXTURES = ProjectRoot.dir().resolve("src/alert-ingestion/src/test/resources/cap");

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(name));
    }

    @Test
    void everyFixtureIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            assertEquals(List.of("attack-xxe-xinclude.xml", "invalid-free-text-restriction.xml",
                            "invalid-missing-scope.xml", "invalid-open-polygon.xml",
                            "oasis-appendix-a1-homeland-security.xml", "oasis-appendix-a2-thunderstorm.xml",
                            "oasis-appendix-a3-earthquake-update.xml", "tcc-restricted-rel-to.xml"),
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList());
        }
    }

    @Test
    void homelandSecurityAdvisoryIsAccepted() throws IOException {
        CapMessage cap = CapParser.parse(fixture("oasis-appendix-a1-homeland-security.xml"));
        assertEquals("Alert", cap.msgType());
        assertEquals("Public", cap.scope());
        AlertRules.Raise raise = CapAlerts.raise(cap);
        assertEquals(EnumSet.allOf(Country.class), raise.releasableTo());
        assertEquals(TrafficStatus.ACTUAL, raise.status());
        assertNotNull(raise.headline());
    }

    @Test
    void thunderstormWithPolygonAndGeocodesIsAccepted() throws IOException {
        CapMessage cap = CapParser.parse(fixture("oasis-appendix-a2-thunderstorm.xml"));
        AlertRules.Raise raise = CapAlerts.raise(cap);
        assertEquals(Severity.Severe, raise.severity());
        assertEquals(AlertType.OTHER, raise.type());
        assertTrue(raise.areaDesc().contains("TUOLUMNE"));
    }

    @Test
    void earthquakeUpdateIsReadAsAnUpdateWithItsReference() throws IOException {
        CapMessage cap = CapParser.parse(fixture("oasis-appendix-a3-earthquake-update.xml"));
        assertEquals("Update", cap.msgType());
        assertEquals("TRI13970876.1", cap.referencedIdentifier());
        assertEquals("Minor", cap.info().severity());
    }

    @Test
    void missingScopeIsNamed() throws IOException {
        Problem problem = assertThrows(Problem.class, () -> CapParser.parse(fixture("invalid-missing-scope.xml")));
        assertEquals(422, problem.status());
        assertEquals(List.of("scope"), problem.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void entitiesXincludeAndRemoteDtdAreRefusedWithoutAnyAccess() throws IOException {
        Instant before = Instant.now();
        Problem problem = assertThrows(Problem.class, () -> CapParser.parse(fixture("attack-xxe-xinclude.xml")));
        assertEquals(400, problem.status());
        assertTrue(problem.getMessage().contains("DOCTYPE"), problem.getMessage());
        assertFalse(problem.getMessage().contains("root:"), "no file content leaks");
        assertTrue(Instant.now().isBefore(before.plusSeconds(2)), "no network wait");
    }

    @Test
    void internalEntityWithoutDoctypeCannotBeDeclaredAndXincludeIsInert() {
        byte[] xinclude = ("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\" "
                + "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/>"
                + "<identifier>x</identifier><sender>s</sender><sent>2026-11-29T10:00:00+09:00</sent>"
                + "<status>Exercise</status><msgType>Alert</msgType><scope>Restricted</scope>"
                + "<restriction>REL TO JPN, USA</restriction><info><category>Security</category>"
                + "<event>Missile launch</event><urgency>Immediate</urgency><severity>Extreme</severity>"
                + "<certainty>Observed</certainty></info></alert>").getBytes();
        CapMessage cap = CapParser.parse(xinclude);
        AlertRules.Raise raise = CapAlerts.raise(cap);
        assertEquals(EnumSet.of(Country.JPN, Country.USA), raise.releasableTo());
        assertEquals(TrafficStatus.EXERCISE, raise.status());
        assertEquals(AlertType.MISSILE_LAUNCH, raise.type());
    }

    @Test
    void everyMissingRequiredElementIsNamed() {
        byte[] bare = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><info></info></alert>".getBytes();
        Problem problem = assertThrows(Problem.class, () -> CapParser.parse(bare));
        List<String> fields = problem.errors().stream().map(Problem.FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("identifier", "sender", "sent", "status", "msgType", "scope",
                "info.category", "info.event", "info.urgency", "info.severity", "info.certainty")), fields.toString());
    }

    // strict intake (issue 12): everything judged before anything is written, fail-closed releasability

    private static final String HEAD = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>m-1</identifier>"
            + "<sender>kr-duty@tcc.example</sender><sent>2026-11-29T10:00:00+09:00</sent><status>Actual</status>";

    private static final String INFO = "<info><category>Security</category><event>Missile launch</event>"
            + "<urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>"
            + "<headline>Launch from Sohae</headline>%s</info>";

    private static byte[] cap(String msgType, String scope, String references, String infoExtra) {
        return (HEAD + "<msgType>" + msgType + "</msgType>" + scope + (references == null ? ""
                : "<references>" + references + "</references>") + String.format(INFO, infoExtra) + "</alert>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] restricted(String restriction) {
        return cap("Alert", "<scope>Restricted</scope><restriction>" + restriction + "</restriction>", null, "");
    }

    private static Problem refused(byte[] cap) {
        return assertThrows(Problem.class, () -> CapParser.parse(cap));
    }

    private static void assertRefused(byte[] cap, String field) {
        Problem problem = refused(cap);
        assertEquals(422, problem.status(), problem.getMessage());
        assertEquals(List.of(field), problem.errors().stream().map(Problem.FieldError::field).distinct().toList(),
                problem.getMessage());
    }

    @Test
    void freeTextReleasabilityIsRefusedNeverWidened() {
        // read word by word this used to release to all three countries
        Problem problem = refused(restricted("USA only; not for KOR or JPN"));
        assertEquals(422, problem.status());
        assertEquals("restriction", problem.errors().get(0).field());
        assertTrue(problem.getMessage().contains("REL TO"), problem.getMessage());
        for (String ambiguous : List.of("Releasable to USA and KOR", "rel to USA", "REL TO usa", "REL TO USA KOR",
                "REL TO USA, KOR and partners", "REL TO USA, CHN", "REL TO USA, USA", "REL TO", "NOFORN",
                "REL TO USA; KOR")) {
            assertRefused(restricted(ambiguous), "restriction");
        }
    }

    @Test
    void theOneReleasabilityFormIsRead() throws IOException {
        assertEquals(EnumSet.of(Country.USA, Country.KOR),
                CapParser.parse(restricted("REL TO USA, KOR")).releasableTo());
        assertEquals(EnumSet.of(Country.JPN, Country.KOR),
                CapParser.parse(restricted("  REL TO JPN,KOR ")).releasableTo());
        assertEquals(EnumSet.of(Country.JPN), CapParser.parse(restricted("REL TO JPN")).releasableTo());
        CapMessage fixture = CapParser.parse(fixture("tcc-restricted-rel-to.xml"));
        assertEquals(EnumSet.of(Country.USA, Country.KOR), CapAlerts.raise(fixture).releasableTo());
        assertEquals("REL TO USA, KOR, JPN", CapReleasability.format(EnumSet.allOf(Country.class)));
        assertRefused(fixture("invalid-free-text-restriction.xml"), "restriction");
    }

    @Test
    void restrictionOnlyWithScopeRestrictedAndPrivateIsRefused() {
        assertRefused(cap("Alert", "<scope>Public</scope><restriction>REL TO USA</restriction>", null, ""),
                "restriction");
        assertRefused(cap("Alert", "<scope>Restricted</scope>", null, ""), "restriction");
        assertRefused(cap("Alert", "<scope>Private</scope><addresses>kr-duty@tcc.example</addresses>", null, ""),
                "scope");
    }

    @Test
    void updateAndCancelNeedWellFormedReferences() {
        assertRefused(cap("Update", "<scope>Public</scope>", null, ""), "references");
        assertRefused(cap("Cancel", "<scope>Public</scope>", null, ""), "references");
        for (String malformed : List.of("m-0", "kr@tcc.example,m-0", "kr@tcc.example,m-0,yesterday",
                "kr@tcc.example,m-0,2026-11-29T10:00:00Z", ",m-0,2026-11-29T10:00:00-00:00",
                "kr@tcc.example,m-0,2026-11-29T10:00:00-00:00,extra")) {
            assertRefused(cap("Update", "<scope>Public</scope>", malformed, ""), "references");
        }
        CapMessage ok = CapParser.parse(cap("Update", "<scope>Public</scope>",
                "kr@tcc.example,m-0,2026-11-29T10:00:00-00:00 kr@tcc.example,m-0.1,2026-11-29T10:01:00-00:00", ""));
        assertEquals(List.of("m-0", "m-0.1"), ok.references().stream().map(CapMessage.Reference::identifier).toList());
    }

    @Test
    void polygonsMustBeClosedWithFourPointsAndCirclesWellFormed() throws IOException {
        String closed = "<area><areaDesc>Sea</areaDesc><polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 "
                + "38.47,-120.14</polygon><circle>40.9,138.6 0</circle></area>";
        CapParser.parse(cap("Alert", "<scope>Public</scope>", null, closed));
        assertRefused(cap("Alert", "<scope>Public</scope>", null, "<area><areaDesc>Sea</areaDesc><polygon>"
                + "38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89</polygon></area>"), "info.area.polygon");
        assertRefused(cap("Alert", "<scope>Public</scope>", null, "<area><areaDesc>Sea</areaDesc><polygon>"
                + "38.47,-120.14 38.34,-119.95 38.47,-120.14</polygon></area>"), "info.area.polygon");
        assertRefused(cap("Alert", "<scope>Public</scope>", null, "<area><areaDesc>Sea</areaDesc><polygon>"
                + "38.47,-120.14 north,-119.95 38.52,-119.74 38.47,-120.14</polygon></area>"), "info.area.polygon");
        assertRefused(cap("Alert", "<scope>Public</scope>", null, "<area><areaDesc>Sea</areaDesc><polygon>"
                + "98.47,-120.14 38.34,-119.95 38.52,-119.74 98.47,-120.14</polygon></area>"), "info.area.polygon");
        assertRefused(cap("Alert", "<scope>Public</scope>", null,
                "<area><areaDesc>Sea</areaDesc><circle>40.9,138.6</circle></area>"), "info.area.circle");
        assertRefused(cap("Alert", "<scope>Public</scope>", null,
                "<area><areaDesc>Sea</areaDesc><circle>40.9,138.6 -5</circle></area>"), "info.area.circle");
        assertRefused(fixture("invalid-open-polygon.xml"), "info.area.polygon");
    }

    @Test
    void textLimitsAreCheckedBeforeAnythingIsWritten() {
        String headline = "H".repeat(CapParser.HEADLINE_MAX + 1);
        assertRefused((HEAD + "<msgType>Alert</msgType><scope>Public</scope><info><category>Security</category>"
                + "<event>Missile launch</event><urgency>Immediate</urgency><severity>Extreme</severity>"
                + "<certainty>Observed</certainty><headline>" + headline + "</headline></info></alert>")
                .getBytes(StandardCharsets.UTF_8), "info.headline");
        assertRefused((HEAD + "<msgType>Alert</msgType><scope>Public</scope><info><category>Security</category>"
                + "<event>" + headline + "</event><urgency>Immediate</urgency><severity>Extreme</severity>"
                + "<certainty>Observed</certainty></info></alert>").getBytes(StandardCharsets.UTF_8),
                "info.headline");
        assertRefused(cap("Alert", "<scope>Public</scope>", null,
                "<description>" + "d".repeat(CapParser.DESCRIPTION_MAX + 1) + "</description>"), "info.description");
        assertRefused(cap("Alert", "<scope>Public</scope>", null, "<area><areaDesc>" + "a".repeat(600)
                + "</areaDesc></area><area><areaDesc>" + "b".repeat(600) + "</areaDesc></area>"), "info.area.areaDesc");
        String exactly = "<description>" + "d".repeat(CapParser.DESCRIPTION_MAX) + "</description>";
        assertEquals(CapParser.DESCRIPTION_MAX,
                CapParser.parse(cap("Alert", "<scope>Public</scope>", null, exactly)).info().description().length());
        assertRefused((HEAD.replace("m-1", "m-" + "1".repeat(300)) + "<msgType>Alert</msgType><scope>Public</scope>"
                + String.format(INFO, "") + "</alert>").getBytes(StandardCharsets.UTF_8), "identifier");
    }

    @Test
    void blankTextIsAbsentNotAnEmptyString() {
        CapMessage cap = CapParser.parse((HEAD + "<msgType>Alert</msgType><scope>Public</scope><info>"
                + "<category>Security</category><event>Missile launch</event><urgency>Immediate</urgency>"
                + "<severity>Extreme</severity><certainty>Observed</certainty><headline> </headline>"
                + "<description>\n</description></info></alert>").getBytes(StandardCharsets.UTF_8));
        AlertRules.Raise raise = CapAlerts.raise(cap);
        assertEquals("Missile launch", raise.headline());
        assertEquals(null, raise.description());
    }

    @Test
    void capDateTimesAndIdentifiersFollowCap12() {
        assertRefused(new String(cap("Alert", "<scope>Public</scope>", null, ""), StandardCharsets.UTF_8)
                .replace("2026-11-29T10:00:00+09:00", "2026-11-29T01:00:00Z").getBytes(StandardCharsets.UTF_8),
                "sent");
        assertRefused(new String(cap("Alert", "<scope>Public</scope>", null, ""), StandardCharsets.UTF_8)
                .replace("2026-11-29T10:00:00+09:00", "2026-13-29T10:00:00+09:00").getBytes(StandardCharsets.UTF_8),
                "sent");
        assertRefused(new String(cap("Alert", "<scope>Public</scope>", null, ""), StandardCharsets.UTF_8)
                .replace("<identifier>m-1<", "<identifier>m 1,2<").getBytes(StandardCharsets.UTF_8), "identifier");
    }

    @Test
    void theEnglishInfoIsReadWhenThereAreSeveral() {
        String ko = "<info><language>ko-KR</language><category>Security</category><event>미사일 발사</event>"
                + "<urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>"
                + "<headline>발사 탐지</headline></info>";
        String en = "<info><language>en-US</language><category>Security</category><event>Missile launch</event>"
                + "<urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>"
                + "<headline>Launch detected</headline></info>";
        CapMessage cap = CapParser.parse((HEAD + "<msgType>Alert</msgType><scope>Public</scope>" + ko + en
                + "</alert>").getBytes(StandardCharsets.UTF_8));
        assertEquals("Launch detected", CapAlerts.raise(cap).headline());
        assertEquals(2, cap.infos().size());
    }
}
