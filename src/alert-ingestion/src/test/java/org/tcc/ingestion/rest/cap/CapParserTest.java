package org.tcc.ingestion.rest.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
            assertEquals(List.of("attack-xxe-xinclude.xml", "invalid-missing-scope.xml",
                            "oasis-appendix-a1-homeland-security.xml", "oasis-appendix-a2-thunderstorm.xml",
                            "oasis-appendix-a3-earthquake-update.xml"),
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
                + "<restriction>Releasable to JPN and USA</restriction><info><category>Security</category>"
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
}
