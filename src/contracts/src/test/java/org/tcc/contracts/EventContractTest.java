package org.tcc.contracts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcc.contracts.events.EventPayload;

/** For every event type: the sample conforms, survives a record round trip, and broken variants are rejected. */
class EventContractTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Invalid edits per topic: JSON pointer, bad value (null = remove), path the error must name. */
    private static final Map<String, List<Variant>> VARIANTS = Map.of(
            Topics.FEED_MISSILE_LAUNCH, List.of(
                    new Variant("/launchPoint/lat", F.numberNode(91), "$.launchPoint.lat"),
                    new Variant("/predictedImpactPoint/lon", F.numberNode(-180.5), "$.predictedImpactPoint.lon"),
                    new Variant("/launchPoint/lon", null, "$.launchPoint.lon"),
                    new Variant("/missileClass", F.textNode("CRUISE"), "$.missileClass"),
                    new Variant("/reportingCountry", F.textNode("PRK"), "$.reportingCountry"),
                    new Variant("/status", F.textNode("actual"), "$.status"),
                    new Variant("/confidence", F.numberNode(1.5), "$.confidence"),
                    new Variant("/apogeeKm", F.numberNode(-1), "$.apogeeKm"),
                    new Variant("/rangeKm", F.textNode("1000"), "$.rangeKm"),
                    new Variant("/flightTimeSeconds", F.numberNode(12.5), "$.flightTimeSeconds"),
                    new Variant("/detectedAt", F.textNode("yesterday"), "$.detectedAt"),
                    new Variant("/reportId", F.textNode(""), "$.reportId"),
                    new Variant("/sensorId", F.textNode("s".repeat(129)), "$.sensorId"),
                    new Variant("/track/1/lat", F.numberNode(95), "$.track[1].lat")),
            Topics.ALERTS, List.of(
                    new Variant("/alert/severity", F.textNode("Catastrophic"), "$.alert.severity"),
                    new Variant("/alert/lifecycle", F.textNode("ARCHIVED"), "$.alert.lifecycle"),
                    new Variant("/alert/releasableTo", F.arrayNode(), "$.alert.releasableTo"),
                    new Variant("/alert/releasableTo/0", F.textNode("CHN"), "$.alert.releasableTo[0]"),
                    new Variant("/alert/alertId", F.textNode("not-a-uuid"), "$.alert.alertId"),
                    new Variant("/alert/launch/launchPoint/lat", F.numberNode(91), "$.alert.launch.launchPoint.lat"),
                    new Variant("/alert/launch/sensors", F.arrayNode(), "$.alert.launch.sensors"),
                    new Variant("/alert/headline", null, "$.alert.headline"),
                    new Variant("/alert/version", F.numberNode(-1), "$.alert.version"),
                    new Variant("/alert/raisedAt", F.textNode("2026-03-14 21:07"), "$.alert.raisedAt")),
            Topics.CONSULTATIONS, List.of(
                    new Variant("/consultation/phase", F.textNode("ADJOURNED"), "$.consultation.phase"),
                    new Variant("/consultation/level", F.textNode("HEAD_OF_STATE"), "$.consultation.level"),
                    new Variant("/consultation/participants/0", F.textNode("CHN"), "$.consultation.participants[0]"),
                    new Variant("/consultation/participants", F.arrayNode(), "$.consultation.participants"),
                    new Variant("/consultation/consultationId", null, "$.consultation.consultationId"),
                    new Variant("/consultation/updatedAt", F.textNode("14/03/2026"), "$.consultation.updatedAt")),
            Topics.NOTIFICATIONS, List.of(
                    new Variant("/status", F.textNode("LOST"), "$.status"),
                    new Variant("/channel", F.textNode("SMS"), "$.channel"),
                    new Variant("/country", F.textNode("CHN"), "$.country"),
                    new Variant("/attempts", F.numberNode(-1), "$.attempts"),
                    new Variant("/sourceEventType", F.textNode("AlertRaised"), "$.sourceEventType"),
                    new Variant("/alertId", F.textNode("alert-1"), "$.alertId")),
            Topics.AUDIT_CHECKPOINTS, List.of(
                    new Variant("/firstSeq", F.numberNode(0), "$.firstSeq"),
                    new Variant("/headHash", F.textNode("ABC"), "$.headHash"),
                    new Variant("/entryHashes", F.arrayNode(), "$.entryHashes"),
                    new Variant("/entryHashes/0", F.textNode("not-a-hash"), "$.entryHashes[0]"),
                    new Variant("/signedAt", F.textNode("today"), "$.signedAt"),
                    new Variant("/signature", F.textNode("a.b.c"), "$.signature")));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleConformsToItsSchema(EventType type) {
        assertEquals(List.of(), SchemaValidation.validate(type, Samples.sample(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleSurvivesRecordRoundTrip(EventType type) {
        byte[] sample = Samples.sample(type);
        EventPayload record = Json.read(sample, type.payloadType());
        assertInstanceOf(type.payloadType(), record);
        byte[] written = Json.toBytes(record);

        assertEquals(List.of(), SchemaValidation.validate(type, written), () -> new String(written));
        // nothing lost, nothing added (absent optional fields stay absent, no derived properties leak)
        assertEquals(Samples.tree(sample), Samples.tree(written));
        assertEquals(record, Json.read(written, type.payloadType()));
        assertTrue(record.aggregateId() != null && !record.aggregateId().isBlank(), "aggregate id (Kafka key)");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreToleratedByReaders(EventType type) {
        JsonNode sample = Samples.tree(Samples.sample(type));
        JsonNode extended = Samples.with(sample, "/addedInV1_1", F.objectNode().put("note", "a later optional field"));
        byte[] json = Samples.toBytes(extended);

        assertEquals(List.of(), SchemaValidation.validate(type, json));
        assertEquals(Json.read(Samples.sample(type), type.payloadType()), Json.read(json, type.payloadType()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void brokenVariantsFailNamingTheField(EventType type) {
        JsonNode sample = Samples.tree(Samples.sample(type));
        List<Variant> variants = new ArrayList<>(VARIANTS.get(type.topic()));
        // every required top-level field, removed
        Samples.tree(Samples.bytes(type.schemaPath())).path("required")
                .forEach(name -> variants.add(new Variant("/" + name.asText(), null, "$." + name.asText())));

        List<Executable> checks = new ArrayList<>();
        for (Variant v : variants) {
            checks.add(() -> {
                List<String> errors = SchemaValidation.validate(type, Samples.toBytes(Samples.with(sample, v.pointer, v.value)));
                assertTrue(errors.stream().anyMatch(e -> e.startsWith(v.expectedPath + ": ")),
                        () -> v + " should be rejected with an error naming " + v.expectedPath + ", got " + errors);
            });
        }
        assertAll(type.typeName(), checks);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void malformedDocumentsAreRejected(EventType type) {
        assertTrue(SchemaValidation.validate(type, "{\"alert\":".getBytes()).get(0).startsWith("$: not valid JSON"));
        assertTrue(SchemaValidation.validate(type, "[]".getBytes()).get(0).startsWith("$: "));
        assertTrue(SchemaValidation.validate(type, new byte[0]).get(0).startsWith("$: "));
    }

    private record Variant(String pointer, JsonNode value, String expectedPath) {
        @Override
        public String toString() {
            return pointer + (value == null ? " removed" : " = " + (value instanceof TextNode t ? '"' + t.asText() + '"' : value));
        }
    }
}
