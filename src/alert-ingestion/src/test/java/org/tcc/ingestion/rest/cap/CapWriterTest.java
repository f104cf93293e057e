package org.tcc.ingestion.rest.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.ingestion.config.ZonesFixture;
import org.tcc.ingestion.domain.ImpactAssessment;
import org.tcc.ingestion.domain.SensorAlerts;
import org.tcc.ingestion.domain.TestReports;
import org.tcc.testsupport.ProjectRoot;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every kind of exported message is CAP 1.2 (checked by {@link Cap12Schema}), in three languages. */
class CapWriterTest {

    private static final Instant RAISED = Instant.parse("2026-11-29T01:00:00.123Z");
    private static final Instant UPDATED = Instant.parse("2026-11-29T01:05:07Z");

    private static AlertState liaison(long version, TrafficStatus status, AlertLifecycle lifecycle) {
        return new AlertState(UUID.randomUUID().toString(), version, AlertOrigin.LIAISON, Country.KOR,
                AlertType.NUCLEAR_TEST, Region.KOREAN_PENINSULA, status, lifecycle,
                "Seismic event M5.1 at Punggye-ri", "Written by the duty officer.", Severity.Severe,
                Urgency.Immediate, Certainty.Likely, "Kilju County", List.of(Country.USA, Country.KOR), List.of(),
                List.of(), null, RAISED, version == 0 ? RAISED : UPDATED);
    }

    /** A sensor alert exactly as the fusion raises it, with impact inside Japan's EEZ or in the open sea. */
    private static AlertState sensor(GeoPoint impact, TrafficStatus status) {
        SensorAlerts alerts = new SensorAlerts(new ImpactAssessment(ZonesFixture.defaults()),
                EnumSet.allOf(Country.class));
        List<org.tcc.contracts.events.feed.MissileLaunchReport> reports = List.of(TestReports.report(
                "jp-aegis-kongo", Country.JPN, "r-1", RAISED, TestReports.PYONGYANG, impact, MissileClass.ICBM, 0.8,
                status, null));
        return alerts.raise(UUID.randomUUID().toString(), reports, reports, RAISED).alert();
    }

    private static AlertState with(AlertState a, long version, AlertLifecycle lifecycle, String headline) {
        return new AlertState(a.alertId(), version, a.origin(), a.originCountry(), a.type(), a.region(), a.status(),
                lifecycle, headline, a.description(), a.severity(), a.urgency(), a.certainty(), a.areaDesc(),
                a.releasableTo(), a.affectedCountries(), a.acknowledgements(), a.launch(), a.raisedAt(), UPDATED);
    }

    private static List<AlertState> everyKind() {
        List<AlertState> all = new ArrayList<>();
        for (TrafficStatus status : TrafficStatus.values()) {
            all.add(liaison(0, status, AlertLifecycle.ACTIVE));
            all.add(liaison(3, status, AlertLifecycle.ACTIVE));
            all.add(liaison(4, status, AlertLifecycle.CANCELLED));
            all.add(liaison(2, status, AlertLifecycle.RESOLVED));
            AlertState threat = sensor(TestReports.JAPAN_EEZ, status);
            all.add(threat);
            all.add(with(threat, 1, AlertLifecycle.ACTIVE, threat.headline()));
            all.add(with(threat, 2, AlertLifecycle.CANCELLED, threat.headline()));
            all.add(sensor(TestReports.OPEN_SEA, status));
            all.add(sensor(null, status));
        }
        return all;
    }

    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(CapParser.NAMESPACE, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static String infoText(Document doc, int info, String name) {
        Element element = (Element) doc.getElementsByTagNameNS(CapParser.NAMESPACE, "info").item(info);
        NodeList nodes = element.getElementsByTagNameNS(CapParser.NAMESPACE, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void everyMsgTypeAndStatusExportsValidCap12InThreeLanguages() throws Exception {
        List<String> seen = new ArrayList<>();
        for (AlertState alert : everyKind()) {
            String xml = CapWriter.write(alert);
            assertEquals(List.of(), Cap12Schema.violations(xml), xml);
            Document doc = dom(xml);
            assertEquals(List.of("en-US", "ko-KR", "ja-JP"), texts(doc, "language"), xml);
            seen.add(texts(doc, "msgType").get(0) + "/" + texts(doc, "status").get(0));
            for (String time : texts(doc, "sent")) {
                assertTrue(time.endsWith("-00:00"), time);
            }
            CapMessage back = CapParser.parse(xml.getBytes(StandardCharsets.UTF_8));
            assertEquals(EnumSet.copyOf(alert.releasableTo()), EnumSet.copyOf(back.releasableTo()));
        }
        for (String msgType : List.of("Alert", "Update", "Cancel")) {
            for (String status : List.of("Actual", "Exercise", "Test")) {
                assertTrue(seen.contains(msgType + "/" + status), msgType + "/" + status + " in " + seen);
            }
        }
    }

    @Test
    void utcIsMinusZeroAndNoteComesBeforeReferences() throws Exception {
        String xml = CapWriter.write(liaison(3, TrafficStatus.EXERCISE, AlertLifecycle.ACTIVE));
        Document doc = dom(xml);
        assertEquals("2026-11-29T01:05:07-00:00", texts(doc, "sent").get(0));
        assertFalse(xml.contains("+00:00") || xml.matches("(?s).*\\d\\dZ<.*"), xml);
        assertTrue(xml.indexOf("<note>") < xml.indexOf("<references>"), xml);
        String id = texts(doc, "identifier").get(0);
        assertEquals("tcc-kor@tcc.example," + id.substring(0, id.lastIndexOf('.')) + ",2026-11-29T01:00:00-00:00",
                texts(doc, "references").get(0));
        assertEquals("REL TO USA, KOR", texts(doc, "restriction").get(0));
    }

    @Test
    void aLiaisonsTextIsLeftAsWrittenInEveryLanguageAndSystemWordsAreTranslated() throws Exception {
        Document doc = dom(CapWriter.write(liaison(0, TrafficStatus.ACTUAL, AlertLifecycle.ACTIVE)));
        for (int i = 0; i < 3; i++) {
            assertEquals("Seismic event M5.1 at Punggye-ri", infoText(doc, i, "headline"));
            assertEquals("Written by the duty officer.", infoText(doc, i, "description"));
            assertEquals("Kilju County", infoText(doc, i, "areaDesc"));
        }
        assertEquals(List.of("Nuclear test", "핵실험", "核実験"), texts(doc, "event"));
        assertEquals("Trilateral Crisis Coordination (KOR)", infoText(doc, 0, "senderName"));
        assertEquals(List.of(), texts(doc, "circle"), "no invented geometry for an alert that has none");
    }

    @Test
    void aSensorAlertIsRenderedInEachLanguageWithItsRealGeometry() throws Exception {
        AlertState alert = sensor(TestReports.JAPAN_EEZ, TrafficStatus.EXERCISE);
        Document doc = dom(CapWriter.write(alert));
        // the English info carries the alert's own text: the bundle reproduces what the fusion wrote
        assertEquals(alert.headline(), infoText(doc, 0, "headline"));
        assertEquals(alert.description(), infoText(doc, 0, "description"));
        assertEquals(alert.areaDesc(), infoText(doc, 0, "areaDesc"));
        assertTrue(infoText(doc, 1, "headline").startsWith("[훈련] 대륙간탄도미사일(ICBM) 발사 탐지: 북위 39.03°"),
                infoText(doc, 1, "headline"));
        assertTrue(infoText(doc, 2, "headline").startsWith("[演習] 大陸間弾道ミサイル(ICBM)の発射を探知: 北緯39.03度"),
                infoText(doc, 2, "headline"));
        assertTrue(infoText(doc, 1, "description").startsWith("센서 1기의 보고를 융합: jp-aegis-kongo."),
                infoText(doc, 1, "description"));
        assertTrue(infoText(doc, 2, "areaDesc").startsWith("予測落下地点 北緯40.90度 東経138.60度"),
                infoText(doc, 2, "areaDesc"));
        // impact and launch point as circles of radius 0 (in each info), no invented 50 km
        List<String> circles = texts(doc, "circle");
        assertEquals(6, circles.size(), circles.toString());
        assertEquals("40.9000,138.6000 0", circles.get(0));
        assertEquals("39.0300,125.7500 0", circles.get(1));
        assertFalse(alert.affectedCountries().isEmpty(), "the fixture's impact is inside an EEZ");
        for (Country affected : alert.affectedCountries()) {
            assertTrue(texts(doc, "value").contains(affected.name()));
        }
        assertEquals(3 * alert.affectedCountries().size(), texts(doc, "geocode").size());
        assertEquals(List.of("Missile launch", "미사일 발사", "ミサイル発射"), texts(doc, "event"));
    }

    private static AlertState sensorFrom(GeoPoint launch, GeoPoint impact) {
        SensorAlerts alerts = new SensorAlerts(new ImpactAssessment(ZonesFixture.defaults()),
                EnumSet.allOf(Country.class));
        List<org.tcc.contracts.events.feed.MissileLaunchReport> reports = List.of(TestReports.report(
                "jp-aegis-kongo", Country.JPN, "r-1", RAISED, launch, impact, MissileClass.IRBM, 0.9,
                TrafficStatus.ACTUAL, null));
        return alerts.raise(UUID.randomUUID().toString(), reports, reports, RAISED).alert();
    }

    @Test
    void anOverflightIsSaidInEveryLanguage() throws Exception {
        // the 2022 Hwasong-12 pattern: Mupyong-ni over Aomori into the Pacific
        AlertState alert = sensorFrom(new GeoPoint(40.6, 126.4), new GeoPoint(33.0, 177.5));
        String xml = CapWriter.write(alert);
        assertEquals(List.of(), Cap12Schema.violations(xml), xml);
        Document doc = dom(xml);
        assertTrue(alert.headline().endsWith(", overflies JPN"), alert.headline());
        assertEquals(alert.headline(), infoText(doc, 0, "headline"));
        assertEquals(alert.description(), infoText(doc, 0, "description"));
        assertEquals(alert.areaDesc(), infoText(doc, 0, "areaDesc"));
        assertTrue(infoText(doc, 1, "headline").endsWith(", 상공 통과: 일본"), infoText(doc, 1, "headline"));
        assertTrue(infoText(doc, 2, "headline").endsWith("、上空通過: 日本"), infoText(doc, 2, "headline"));
        assertTrue(infoText(doc, 1, "description").contains("상공 통과: 예상 비행 경로가 일본의 영토 상공을 지남."),
                infoText(doc, 1, "description"));
        assertTrue(infoText(doc, 2, "areaDesc").contains("飛翔経路の上空通過: Japan（日本）"),
                infoText(doc, 2, "areaDesc"));
    }

    @Test
    void aDisputedAreaIsSaidToBeDisputedInEveryLanguageNamingEveryClaimant() throws Exception {
        // from the Wonsan coast over the sea into the waters around Dokdo / Takeshima
        AlertState alert = sensorFrom(new GeoPoint(39.2, 127.6), new GeoPoint(37.4, 132.3));
        String xml = CapWriter.write(alert);
        assertEquals(List.of(), Cap12Schema.violations(xml), xml);
        Document doc = dom(xml);
        assertEquals(alert.areaDesc(), infoText(doc, 0, "areaDesc"));
        assertTrue(alert.areaDesc().contains("Dokdo / Takeshima (Liancourt Rocks) (disputed area, claimed by JPN, "
                + "KOR; concerns KOR/JPN)"), alert.areaDesc());
        assertTrue(infoText(doc, 1, "areaDesc").contains("(분쟁 지역, 주장국: JPN, KOR; 관련국: 한국·일본)"),
                infoText(doc, 1, "areaDesc"));
        assertTrue(infoText(doc, 2, "headline").endsWith("（係争地域）"), infoText(doc, 2, "headline"));
    }

    @Test
    void aSensorAlertsTextEditedByAPersonIsLeftAsWritten() throws Exception {
        AlertState edited = with(sensor(TestReports.OPEN_SEA, TrafficStatus.ACTUAL), 1, AlertLifecycle.ACTIVE,
                "Hwasong-18 launch from Pyongyang, as assessed by the KOR duty officer");
        Document doc = dom(CapWriter.write(edited));
        for (int i = 0; i < 3; i++) {
            assertEquals(edited.headline(), infoText(doc, i, "headline"));
        }
        assertNotEquals(infoText(doc, 0, "description"), infoText(doc, 1, "description"),
                "the untouched description is still the system's and translated");
    }

    @Test
    void everyAlertKindAndLifecycleHasOneInfoPerLanguageWithAPersonsTextAsWrittenInEach() throws Exception {
        // a liaison writes in whatever language the desk works in: kept byte for byte in en-US, ko-KR and ja-JP
        String headline = "동해상 발사체 2발 - 第2報: two projectiles, the liaison's assessment";
        String description = "Written by the KOR duty officer.\n작성: 합참 당직관 / 記入: 当直官 & <verified>";
        String area = "Kilju County, North Hamgyong (길주군 / 吉州郡)";
        record Step(long version, AlertLifecycle lifecycle, String msgType) {
        }
        List<Step> lifecycle = List.of(new Step(0, AlertLifecycle.ACTIVE, "Alert"),
                new Step(3, AlertLifecycle.ACTIVE, "Update"), new Step(4, AlertLifecycle.CANCELLED, "Cancel"),
                new Step(5, AlertLifecycle.RESOLVED, "Update"));
        AlertType[] types = AlertType.values();
        for (int t = 0; t < types.length; t++) {
            Region region = Region.values()[t % Region.values().length];
            for (TrafficStatus status : TrafficStatus.values()) {
                for (Step step : lifecycle) {
                    AlertState alert = new AlertState(UUID.randomUUID().toString(), step.version(),
                            AlertOrigin.LIAISON, Country.JPN, types[t], region, status, step.lifecycle(), headline,
                            description, Severity.Severe, Urgency.Expected, Certainty.Possible, area,
                            List.of(Country.USA, Country.KOR, Country.JPN), List.of(Country.KOR), List.of(), null,
                            RAISED, step.version() == 0 ? RAISED : UPDATED);
                    String what = types[t] + "/" + status + "/" + step;
                    String xml = CapWriter.write(alert);
                    assertEquals(List.of(), Cap12Schema.violations(xml), what + "\n" + xml);
                    Document doc = dom(xml);
                    assertEquals(List.of("en-US", "ko-KR", "ja-JP"), texts(doc, "language"), what);
                    assertEquals(List.of(step.msgType()), texts(doc, "msgType"), what);
                    for (int i = 0; i < 3; i++) {
                        assertEquals(headline, infoText(doc, i, "headline"), what);
                        assertEquals(description, infoText(doc, i, "description"), what);
                        assertEquals(area, infoText(doc, i, "areaDesc"), what);
                    }
                    List<String> events = texts(doc, "event");
                    assertEquals(3, events.stream().distinct().count(), what + " " + events);
                    assertTrue(events.get(1).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                            == Character.UnicodeScript.HANGUL), what + " " + events);
                    assertTrue(events.get(2).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                            != Character.UnicodeScript.LATIN && Character.isLetter(c)), what + " " + events);
                    assertEquals(step.lifecycle() == AlertLifecycle.RESOLVED
                            ? List.of("AllClear", "AllClear", "AllClear") : List.of(), texts(doc, "responseType"),
                            what);
                }
            }
        }
    }

    @Test
    void aSensorAlertsFieldsEditedByAPersonStayAsWrittenThroughUpdateCancelAndResolve() throws Exception {
        AlertState fused = sensor(TestReports.JAPAN_EEZ, TrafficStatus.ACTUAL);
        String description = "KOR JCS assessment: 북한 신포 인근 SLBM 추정 / 信浦付近からのSLBMと推定";
        for (AlertLifecycle lifecycle : AlertLifecycle.values()) {
            // the description edited by a person; headline and area still the fusion's own words
            AlertState edited = new AlertState(fused.alertId(), 2, fused.origin(), fused.originCountry(),
                    fused.type(), fused.region(), fused.status(), lifecycle, fused.headline(), description,
                    fused.severity(), fused.urgency(), fused.certainty(), fused.areaDesc(), fused.releasableTo(),
                    fused.affectedCountries(), fused.acknowledgements(), fused.launch(), fused.raisedAt(), UPDATED,
                    fused.threats());
            String xml = CapWriter.write(edited);
            assertEquals(List.of(), Cap12Schema.violations(xml), xml);
            Document doc = dom(xml);
            assertEquals(List.of(lifecycle == AlertLifecycle.CANCELLED ? "Cancel" : "Update"),
                    texts(doc, "msgType"));
            for (int i = 0; i < 3; i++) {
                assertEquals(description, infoText(doc, i, "description"), lifecycle.name());
            }
            assertEquals(fused.headline(), infoText(doc, 0, "headline"));
            assertTrue(infoText(doc, 1, "headline").contains("발사 탐지"), infoText(doc, 1, "headline"));
            assertTrue(infoText(doc, 2, "headline").contains("発射を探知"), infoText(doc, 2, "headline"));
            assertNotEquals(infoText(doc, 0, "areaDesc"), infoText(doc, 1, "areaDesc"),
                    "the system's area is translated");
        }
    }

    @Test
    void aResolvedAlertIsAnUpdateWithResponseTypeAllClear() throws Exception {
        Document doc = dom(CapWriter.write(liaison(2, TrafficStatus.ACTUAL, AlertLifecycle.RESOLVED)));
        assertEquals(List.of("Update"), texts(doc, "msgType"));
        assertEquals(List.of("AllClear", "AllClear", "AllClear"), texts(doc, "responseType"));
    }

    // the checks are real: they refuse what the CAP 1.2 schema refuses and accept the OASIS examples

    @Test
    void theSchemaChecksAcceptTheOasisExamples() throws Exception {
        Path fixtures = ProjectRoot.dir().resolve("src/alert-ingestion/src/test/resources/cap");
        for (String example : List.of("oasis-appendix-a1-homeland-security.xml", "oasis-appendix-a2-thunderstorm.xml",
                "oasis-appendix-a3-earthquake-update.xml")) {
            assertEquals(List.of(), Cap12Schema.violations(Files.readString(fixtures.resolve(example))), example);
        }
    }

    @Test
    void theSchemaChecksRefuseWhatCap12Refuses() {
        String valid = CapWriter.write(liaison(3, TrafficStatus.EXERCISE, AlertLifecycle.ACTIVE));
        assertEquals(List.of(), Cap12Schema.violations(valid));
        String note = valid.substring(valid.indexOf("<note>"), valid.indexOf("</note>") + 7);
        String references = valid.substring(valid.indexOf("<references>"), valid.indexOf("</references>") + 13);
        assertRefused(valid.replace(note + references, references + note), "out of order");
        assertRefused(valid.replaceFirst("-00:00</sent>", "+00:00</sent>"), "-00:00");
        assertRefused(valid.replaceFirst("-00:00</sent>", "Z</sent>"), "dateTime");
        assertRefused(valid.replaceFirst("<status>Exercise</status>", "<status>EXERCISE</status>"), "not one of");
        assertRefused(valid.replaceAll("<category>[A-Za-z]+</category>", ""), "category is required");
        assertRefused(valid.replaceFirst("</areaDesc>", "</areaDesc><polygon>1,1 2,2 3,3 1,2</polygon>"),
                "first and last");
        assertRefused(valid.replaceFirst("</areaDesc>", "</areaDesc><polygon>1,1 2,2 1,1</polygon>"), "at least 4");
        assertRefused(valid.replaceFirst("</areaDesc>", "</areaDesc><circle>1,1</circle>"), "circle");
        assertRefused(valid.replaceFirst("<scope>Restricted</scope>", "<scope>Private</scope>"), "addresses");
        assertRefused(valid.replaceFirst("</sender>", "</sender><sender>x</sender>"), "at most 1");
    }

    private static void assertRefused(String xml, String because) {
        List<String> violations = Cap12Schema.violations(xml);
        assertTrue(violations.stream().anyMatch(v -> v.contains(because)), because + " in " + violations);
    }
}
