package org.tcc.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a service's generated OpenAPI document against the API convention (docs/api.md): every operation documents
 * its problem responses (401, 403, 404 with a path id, 400 with a query, 400/413/415/422 with a body), each as
 * {@code application/problem+json} with the shared {@code Problem} schema and an example of each kind; a list
 * answers the envelope ({@code items}, {@code next}) and reads {@code cursor} and {@code limit}; no JSON answer is a
 * bare array; path parameters are named {@code <resource>Id}, never {@code id}. Returns what breaks it (empty: none).
 */
public final class OpenApiConvention {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiConvention() {
    }

    public static List<String> violations(String document) {
        JsonNode doc;
        try {
            doc = JSON.readTree(document);
        } catch (IOException e) {
            return List.of("the document is not JSON: " + e.getMessage());
        }
        List<String> found = new ArrayList<>();
        JsonNode schemas = doc.path("components").path("schemas");
        if (!schemas.has("Problem")) {
            found.add("components.schemas has no Problem schema");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().contains("{id}")) {
                found.add(path.getKey() + ": a path parameter is named {id}, not {<resource>Id}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check(op.getKey().toUpperCase() + " " + path.getKey(), path.getKey(), op.getKey(),
                            op.getValue(), path.getValue(), schemas, found);
                }
            }
        }
        return found;
    }

    private static void check(String name, String path, String method, JsonNode op, JsonNode pathItem,
                              JsonNode schemas, List<String> found) {
        JsonNode responses = op.path("responses");
        Set<String> parameters = new HashSet<>();
        boolean query = false;
        for (JsonNode list : List.of(op.path("parameters"), pathItem.path("parameters"))) {
            for (JsonNode p : list) {
                parameters.add(p.path("name").asText());
                query |= "query".equals(p.path("in").asText());
            }
        }
        List<String> required = new ArrayList<>(List.of("401", "403"));
        if (path.contains("{")) {
            required.add("404");
        }
        if (query || op.has("requestBody")) {
            required.add("400");
        }
        if (op.has("requestBody")) {
            required.addAll(List.of("413", "415", "422"));
        }
        for (String code : required) {
            if (!responses.has(code)) {
                found.add(name + ": no " + code + " response");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            int status = response.getKey().matches("\\d{3}") ? Integer.parseInt(response.getKey()) : 0;
            JsonNode content = response.getValue().path("content");
            if (status >= 400) {
                JsonNode problem = content.path(PROBLEM_JSON);
                if (problem.isMissingNode()) {
                    found.add(name + " " + status + ": not application/problem+json");
                    continue;
                }
                if (!"#/components/schemas/Problem".equals(problem.path("schema").path("$ref").asText())) {
                    found.add(name + " " + status + ": not the shared Problem schema");
                }
                if (problem.path("examples").isEmpty() && !problem.has("example")) {
                    found.add(name + " " + status + ": no example");
                }
                for (JsonNode example : problem.path("examples")) {
                    String type = example.path("value").path("type").asText();
                    if (!type.startsWith("urn:tcc:problem:") || example.path("value").path("status").asInt() != status) {
                        found.add(name + " " + status + ": example of type '" + type + "' does not match");
                    }
                }
            } else if (status >= 200 && status < 300) {
                JsonNode schema = resolve(content.path("application/json").path("schema"), schemas);
                if (schema == null) {
                    continue;
                }
                if ("array".equals(schema.path("type").asText())) {
                    found.add(name + " " + status + ": answers a bare JSON array, not the list envelope");
                }
                boolean list = schema.path("properties").has("items") && schema.path("properties").has("next");
                if (list && !(parameters.contains("cursor") && parameters.contains("limit"))) {
                    found.add(name + ": a list without the cursor and limit parameters");
                }
                if ("get".equals(method) && !list && looksLikeList(path)) {
                    found.add(name + " " + status + ": a list not answered in the envelope {items, next}");
                }
            }
        }
    }

    /** A collection path (no id at its end) answered in JSON. */
    private static boolean looksLikeList(String path) {
        return path.endsWith("s") || path.endsWith("/timeline") || path.endsWith("/audit") || path.endsWith("/log")
                || path.matches(".*/consultations/\\{[^}]+}$") && path.contains("/audit/");
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        if (schema.isMissingNode()) {
            return null;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return schemas.path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
