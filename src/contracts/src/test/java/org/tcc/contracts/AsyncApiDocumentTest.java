package org.tcc.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code docs/asyncapi.yaml} is a valid AsyncAPI 3.0.0 document (checked offline against the official schema
 * vendored in {@code src/test/resources/asyncapi}) and agrees with {@link Topics} and {@link EventType}.
 */
class AsyncApiDocumentTest {

    private static final String ASYNCAPI_SCHEMA = "asyncapi/asyncapi-3.0.0.schema.json";
    private static final String ASYNCAPI_SCHEMA_SHA256 = "d4571a420e6ffb7fcc7066c95a6db1202f299a3c51daa103d0706bf30f95e626";
    private static final long WEEK_MS = 7L * 24 * 3600 * 1000;
    private static final long DAYS_30_MS = 30L * 24 * 3600 * 1000;

    private static Path docFile;
    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        Path root = Path.of(System.getProperty("tcc.root", "../.."));
        docFile = root.resolve("docs/asyncapi.yaml").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(docFile), docFile + " exists");
        doc = new ObjectMapper(new YAMLFactory()).readTree(docFile.toFile());
    }

    @Test
    void conformsToTheAsyncApi300Schema() throws Exception {
        byte[] schemaBytes = Samples.bytes(ASYNCAPI_SCHEMA);
        assertEquals(ASYNCAPI_SCHEMA_SHA256, sha256(schemaBytes), "vendored schema is the unchanged official file");

        // The official schema is bundled: every referenced schema is embedded under definitions with its own $id.
        // Serve each from memory so validation never touches the network.
        JsonNode official = Samples.tree(schemaBytes);
        Map<String, String> byId = new HashMap<>();
        byId.put(official.path("$id").asText(), new String(schemaBytes, java.nio.charset.StandardCharsets.UTF_8));
        official.path("definitions").fields().forEachRemaining(e -> {
            String id = e.getValue().path("$id").asText(e.getKey());
            byId.put(id, e.getValue().toString());
        });
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(byId)));
        JsonSchema schema = factory.getSchema(SchemaLocation.of(official.path("$id").asText()),
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build());

        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), () -> "docs/asyncapi.yaml is not valid AsyncAPI 3.0.0:\n" + String.join("\n",
                errors.stream().map(ValidationMessage::getMessage).toList()));
    }

    @Test
    void everyTopicIsAChannelWithItsPartitionsAndRetention() {
        Map<String, JsonNode> byAddress = new HashMap<>();
        doc.path("channels").forEach(c -> byAddress.put(c.path("address").asText(), c));
        Set<String> topics = new TreeSet<>(Topics.ALL_WITH_DLQ);
        topics.add(Topics.AUDIT_CHECKPOINTS);
        assertEquals(topics, new TreeSet<>(byAddress.keySet()));
        assertTopicBinding(byAddress.get(Topics.AUDIT_CHECKPOINTS), Topics.AUDIT_CHECKPOINTS, 1, -1);

        for (String topic : Topics.ALL) {
            assertTopicBinding(byAddress.get(topic), topic, 3, WEEK_MS);
            assertTopicBinding(byAddress.get(Topics.deadLetter(topic)), Topics.deadLetter(topic), 1, DAYS_30_MS);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOfItsTopic(EventType type) throws IOException {
        JsonNode message = doc.path("components").path("messages").path(type.typeName());
        assertFalse(message.isMissingNode(), type.typeName() + " is a component message");

        String payloadRef = message.path("payload").path("$ref").asText();
        Path payload = docFile.getParent().resolve(payloadRef).normalize();
        Path schema = Path.of("src/main/resources").resolve(type.schemaPath()).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(payload), payloadRef + " exists");
        assertEquals(Files.readString(schema), Files.readString(payload), payloadRef + " is this module's schema");

        String headers = message.path("headers").toString();
        assertTrue(headers.contains("{\"const\":\"" + type.ceType() + "\"}"), "ce_type const " + type.ceType());
        assertTrue(headers.contains("{\"const\":\"" + type.source() + "\"}"), "ce_source const " + type.source());

        JsonNode channel = channelOf(type.topic());
        boolean listed = false;
        for (JsonNode m : channel.path("messages")) {
            listed |= m.path("$ref").asText().equals("#/components/messages/" + type.typeName());
        }
        assertTrue(listed, type.typeName() + " is a message of channel " + type.topic());
    }

    @Test
    void everyMainTopicHasAProducerAndEveryConsumerAGroup() {
        for (String topic : Topics.ALL) {
            String channelRef = "#/channels/" + channelId(topic);
            List<JsonNode> ops = new ArrayList<>();
            doc.path("operations").forEach(op -> {
                if (op.path("channel").path("$ref").asText().equals(channelRef)) {
                    ops.add(op);
                }
            });
            assertTrue(ops.stream().anyMatch(op -> op.path("action").asText().equals("send")), topic + " has a producer");
            ops.stream().filter(op -> op.path("action").asText().equals("receive")).forEach(op -> assertFalse(
                    op.path("bindings").path("kafka").path("groupId").isMissingNode(), topic + " consumer group"));
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectBrokenRefs(doc, broken);
        assertEquals(List.of(), broken);
    }

    private void collectBrokenRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                boolean ok = target.startsWith("#")
                        ? !doc.at(target.substring(1)).isMissingNode()
                        : Files.isRegularFile(docFile.getParent().resolve(target).normalize());
                if (!ok) {
                    broken.add(target);
                }
            }
            node.forEach(child -> collectBrokenRefs(child, broken));
        } else if (node.isArray()) {
            node.forEach(child -> collectBrokenRefs(child, broken));
        }
    }

    private static void assertTopicBinding(JsonNode channel, String topic, int partitions, long retentionMs) {
        JsonNode kafka = channel.path("bindings").path("kafka");
        assertEquals(topic, kafka.path("topic").asText(), topic);
        assertEquals(partitions, kafka.path("partitions").asInt(), topic + " partitions");
        assertEquals(retentionMs, kafka.path("topicConfiguration").path("retention.ms").asLong(), topic + " retention");
    }

    private static JsonNode channelOf(String topic) {
        return doc.path("channels").path(channelId(topic));
    }

    private static String channelId(String topic) {
        var it = doc.path("channels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().path("address").asText().equals(topic)) {
                return e.getKey();
            }
        }
        fail("no channel for " + topic);
        return null;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
