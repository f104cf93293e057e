package org.tcc.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The operators' custom resources checked against the operators' own CustomResourceDefinitions: every CRD manifest in
 * {@code src/test/resources/crds} (a copy of what the operator publishes, provenance in its {@code SOURCES.md}; a whole
 * upstream CRD file or bundle dropped there works as well) gives, for each served version, its
 * {@code openAPIV3Schema}, which is translated into the JSON Schema the API server in effect enforces and run with
 * networknt's validator.
 *
 * <p>The translation follows the structural-schema rules of the API server with strict field validation (what
 * {@code kubectl apply} does by default since Kubernetes 1.27): a field the schema does not declare is an error
 * (the server would drop it silently otherwise), except under {@code x-kubernetes-preserve-unknown-fields: true};
 * {@code x-kubernetes-int-or-string} accepts an integer or a string; {@code nullable} accepts null;
 * {@code x-kubernetes-embedded-resource} accepts {@code apiVersion}, {@code kind} and {@code metadata}; the root
 * {@code metadata} is ObjectMeta, which the server checks itself. Not evaluated: CEL rules
 * ({@code x-kubernetes-validations}), {@code format}s, list-type uniqueness.
 */
final class CrdSchemas {

    static final String FOLDER = "/crds";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH).build();
    private static final String[] DROPPED = {"description", "default", "example", "externalDocs", "format",
            "nullable", "title"};

    /** apiVersion + "/" + kind -> its schema, for every served version of every CRD in {@link #FOLDER}. */
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CrdSchemas() {
    }

    /** The types (apiVersion/kind) with a CRD schema here. */
    static Set<String> types() {
        return Collections.unmodifiableSet(SCHEMAS.keySet());
    }

    static boolean has(String type) {
        return SCHEMAS.containsKey(type);
    }

    /** What is wrong with {@code object} against its CRD's schema; empty when nothing. */
    static List<String> violations(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        JsonSchema schema = SCHEMAS.get(type);
        if (schema == null) {
            return List.of(Rendered.id(object) + ": no CRD schema for " + type);
        }
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(object)) {
            out.add(Rendered.id(object) + ": " + m.getMessage());
        }
        Collections.sort(out);
        return out;
    }

    /** The JSON Schema of one CRD version's {@code openAPIV3Schema} (package-private for the tests). */
    static JsonSchema compile(JsonNode openApiV3Schema) {
        return FACTORY.getSchema(structural(openApiV3Schema), CONFIG);
    }

    /** The root of a CRD version's schema as JSON Schema: ObjectMeta left to the server, unknown fields refused. */
    static ObjectNode structural(JsonNode openApiV3Schema) {
        return translate(openApiV3Schema, false, true);
    }

    private static ObjectNode translate(JsonNode in, boolean fragment, boolean resource) {
        ObjectNode out = JSON.createObjectNode();
        boolean preserve = in.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = in.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean embedded = in.path("x-kubernetes-embedded-resource").asBoolean(false);
        boolean nullable = in.path("nullable").asBoolean(false);
        var fields = in.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("x-kubernetes-") || List.of(DROPPED).contains(key) || key.equals("type")) {
                continue;
            }
            switch (key) {
                case "properties": {
                    ObjectNode props = out.putObject("properties");
                    value.fields().forEachRemaining(p -> props.set(p.getKey(),
                            (resource || embedded) && p.getKey().equals("metadata")
                                    ? objectMeta() : translate(p.getValue(), fragment, false)));
                    break;
                }
                case "items":
                case "additionalProperties":
                case "not":
                    out.set(key, value.isObject() ? translate(value, fragment || key.equals("not"), false) : value);
                    break;
                case "allOf":
                case "anyOf":
                case "oneOf": {
                    ArrayNode list = out.putArray(key);
                    value.forEach(v -> list.add(translate(v, true, false)));
                    break;
                }
                default:
                    out.set(key, value);
            }
        }
        if (in.has("type") && !intOrString) {
            if (nullable) {
                out.putArray("type").add(in.path("type").asText()).add("null");
            } else {
                out.set("type", in.path("type"));
            }
        }
        if (intOrString && !in.has("anyOf")) {
            ArrayNode any = out.putArray("anyOf");
            any.addObject().put("type", "integer");
            any.addObject().put("type", "string");
        }
        boolean object = "object".equals(in.path("type").asText()) || in.has("properties");
        if (embedded) {
            ObjectNode props = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
            if (!props.has("apiVersion")) {
                props.putObject("apiVersion").put("type", "string");
            }
            if (!props.has("kind")) {
                props.putObject("kind").put("type", "string");
            }
            if (!props.has("metadata")) {
                props.set("metadata", objectMeta());
            }
        }
        if (object && !fragment && !preserve && !in.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    /** ObjectMeta: validated by the API server itself, not by the CRD's schema. */
    private static ObjectNode objectMeta() {
        return JSON.createObjectNode().put("type", "object");
    }

    private static Map<String, JsonSchema> load() {
        Map<String, JsonSchema> out = new TreeMap<>();
        URL folder = CrdSchemas.class.getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("no " + FOLDER + " on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                for (ObjectNode doc : Rendered.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
                        continue;
                    }
                    String group = doc.path("spec").path("group").asText();
                    String kind = doc.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : doc.path("spec").path("versions")) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema");
                        if (version.path("served").asBoolean(false) && schema.isObject()) {
                            out.put(group + "/" + version.path("name").asText() + "/" + kind, compile(schema));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
