package org.tcc.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.ConsultationState;
import org.tcc.contracts.events.consultation.Level;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.TrackPoint;
import org.tcc.contracts.events.notification.Channel;
import org.tcc.contracts.events.notification.DeliveryStatus;

/**
 * Every event type has a schema and a sample, nothing exists without an event type, and the Java records and
 * enums say the same as the schemas.
 */
class ContractCoverageTest {

    private static final Path SCHEMA_DIR = Path.of("src/main/resources/schemas");
    private static final Path SAMPLE_DIR = Path.of("src/test/resources/samples");
    private static final JsonNode COMMON = Samples.tree(Samples.bytes("schemas/common.v1.json"));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasSchemaAndSample(EventType type) {
        JsonNode schema = Samples.tree(Samples.bytes(type.schemaPath()));
        assertEquals(type.schemaId(), schema.path("$id").asText());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertNotNull(Samples.sample(type));
    }

    @Test
    void nothingExistsWithoutAnEventType() throws IOException {
        Set<String> expected = Arrays.stream(EventType.values())
                .map(t -> t.typeName() + ".v1.json").collect(Collectors.toCollection(TreeSet::new));
        Set<String> schemas = fileNames(SCHEMA_DIR);
        schemas.remove("common.v1.json");
        assertEquals(expected, schemas, "schema files");
        assertEquals(expected, fileNames(SAMPLE_DIR), "sample files");
    }

    @Test
    void typesAreUniqueAndFollowTheNamingRule() {
        Map<String, String> areaByTopic = Map.of(
                Topics.FEED_MISSILE_LAUNCH, "feed", Topics.ALERTS, "alert",
                Topics.CONSULTATIONS, "consultation", Topics.NOTIFICATIONS, "notification",
                Topics.AUDIT_CHECKPOINTS, "audit");
        for (EventType type : EventType.values()) {
            assertEquals("org.tcc." + areaByTopic.get(type.topic()) + "." + type.typeName() + ".v1", type.ceType());
            assertEquals(type, EventType.fromCeType(type.ceType()).orElseThrow());
            assertEquals(type, EventType.ofPayload(type.payloadType()).orElseThrow());
            assertTrue(type.payloadType().isRecord(), type + " payload is a record");
            assertTrue(type.payloadType().getPackageName().endsWith("." + areaByTopic.get(type.topic())), type.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadRecordMatchesSchemaProperties(EventType type) {
        JsonNode schema = Samples.tree(Samples.bytes(type.schemaPath()));
        assertEquals(propertyNames(schema), componentNames(type.payloadType()), type.typeName());
    }

    @Test
    void sharedRecordsMatchCommonDefinitions() {
        Map<Class<?>, String> records = Map.of(
                GeoPoint.class, "GeoPoint", Actor.class, "Actor", TrackPoint.class, "TrackPoint",
                Acknowledgement.class, "Acknowledgement", LaunchEstimate.class, "LaunchEstimate",
                AlertState.class, "AlertState", ConsultationState.class, "ConsultationState");
        records.forEach((type, def) -> {
            JsonNode schema = COMMON.path("$defs").path(def);
            assertEquals(propertyNames(schema), componentNames(type), def);
            // a primitive component can never be absent, so the schema must require it
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType().isPrimitive()) {
                    assertTrue(textSet(schema.path("required")).contains(c.getName()), def + "." + c.getName() + " required");
                }
            }
        });
    }

    @Test
    void enumsMatchCommonDefinitions() {
        Map<Class<? extends Enum<?>>, String> enums = Map.ofEntries(
                Map.entry(Country.class, "Country"), Map.entry(TrafficStatus.class, "TrafficStatus"),
                Map.entry(MissileClass.class, "MissileClass"), Map.entry(AlertOrigin.class, "AlertOrigin"),
                Map.entry(AlertType.class, "AlertType"), Map.entry(Region.class, "Region"),
                Map.entry(AlertLifecycle.class, "AlertLifecycle"), Map.entry(Severity.class, "Severity"),
                Map.entry(Urgency.class, "Urgency"), Map.entry(Certainty.class, "Certainty"),
                Map.entry(Level.class, "Level"), Map.entry(ConsultationPhase.class, "ConsultationPhase"),
                Map.entry(Channel.class, "Channel"), Map.entry(DeliveryStatus.class, "DeliveryStatus"));
        enums.forEach((type, def) -> {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            assertEquals(new TreeSet<>(constants), textSet(COMMON.path("$defs").path(def).path("enum")), def);
        });
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> textSet(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
