package org.tcc.contracts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event payloads against their JSON Schema ({@code schemas/<TypeName>.v1.json} on the classpath).
 * Schemas are loaded from this jar only, never from the network: the {@code $id} prefix
 * {@code https://tcc.example/schemas/} maps to {@code classpath:schemas/}. Thread-safe.
 */
public final class SchemaValidation {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder
                    .schemaMappers(mappers -> mappers.mapPrefix(EventType.SCHEMA_ID_BASE, "classpath:schemas/"))
                    .schemaLoaders(loaders -> loaders.add(
                            new ClasspathSchemaLoader(SchemaValidation.class::getClassLoader))));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .formatAssertionsEnabled(true)
            .build();

    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaValidation() {
    }

    /**
     * Validates {@code json} (the record value bytes) against the schema of {@code type}.
     *
     * @return one message per violation, each starting with the JSON path of the offending field, e.g.
     *     {@code $.launchPoint.lat: must have a maximum value of 90} or {@code $.reportId: is required};
     *     empty when valid
     */
    public static List<String> validate(EventType type, byte[] json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return List.of("$: not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return List.of("$: not readable: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return List.of("$: empty document");
        }
        return validate(type, node);
    }

    /** Same as {@link #validate(EventType, byte[])} for an already parsed document. */
    public static List<String> validate(EventType type, JsonNode json) {
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : schema(type).validate(json)) {
            errors.add(describe(m));
        }
        return errors;
    }

    /** True when {@code json} conforms to the schema of {@code type}. */
    public static boolean isValid(EventType type, byte[] json) {
        return validate(type, json).isEmpty();
    }

    private static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(t.schemaId()), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    private static String describe(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            return m.getInstanceLocation().append(m.getProperty()) + ": is required";
        }
        String text = m.getMessage();
        // the library prefixes its message with the instance location; keep one prefix only
        if (text.startsWith(path + ": ")) {
            return text;
        }
        return path + ": " + text;
    }
}
