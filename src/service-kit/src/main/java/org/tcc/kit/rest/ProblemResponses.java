package org.tcc.kit.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problems of every operation of a service's OpenAPI document, once for all services: the shared
 * {@code Problem} schema, and per operation one {@code application/problem+json} response per status it can answer,
 * with an example of each kind ({@link ProblemType}). What every operation can answer comes from its shape (a
 * bearer token and roles: 401, 403; an {@code Accept}: 406; a path id: 404; a query: 400 {@code invalid-query}; a
 * body: 400 {@code malformed-body}, 413, 415, 422); what only some can answer (409 {@code conflict}, 503 ...) an
 * operation names with the extension {@value #EXTENSION} (comma-separated kinds), which this filter consumes.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /** The operation extension naming the problem kinds beyond those its shape implies. */
    public static final String EXTENSION = "x-tcc-problems";
    public static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("FieldError", fieldErrorSchema());
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                document(path.getKey(), path.getValue(), operation);
            }
        }
    }

    private static void document(String path, PathItem item, Operation operation) {
        Set<ProblemType> kinds = new LinkedHashSet<>();
        kinds.add(ProblemType.UNAUTHENTICATED);
        kinds.add(ProblemType.FORBIDDEN);
        if (path.contains("{")) {
            kinds.add(ProblemType.NOT_FOUND);
        }
        if (hasQuery(item.getParameters()) || hasQuery(operation.getParameters())) {
            kinds.add(ProblemType.INVALID_QUERY);
        }
        if (operation.getRequestBody() != null) {
            kinds.add(ProblemType.MALFORMED_BODY);
            kinds.add(ProblemType.VALIDATION);
            kinds.add(ProblemType.PAYLOAD_TOO_LARGE);
            kinds.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        kinds.add(ProblemType.NOT_ACCEPTABLE);
        Object named = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        if (named != null) {
            for (String kind : String.valueOf(named).split(",")) {
                kinds.add(ProblemType.ofKind(kind.strip()).orElseThrow(() -> new IllegalStateException(
                        EXTENSION + " of " + path + " names an unknown problem kind '" + kind.strip() + "'")));
            }
            operation.removeExtension(EXTENSION);
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // a problem status an annotation declared without naming its kind: the status' first kind
        if (responses.getAPIResponses() != null) {
            for (String code : responses.getAPIResponses().keySet()) {
                int status = status(code);
                if (status >= 400 && kinds.stream().noneMatch(k -> k.status() == status)) {
                    ProblemType.ofStatus(status).stream().findFirst().ifPresent(kinds::add);
                }
            }
        }
        Map<Integer, List<ProblemType>> byStatus = kinds.stream()
                .collect(Collectors.groupingBy(ProblemType::status, TreeMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<ProblemType>> entry : byStatus.entrySet()) {
            String code = Integer.toString(entry.getKey());
            APIResponse response = responses.getAPIResponse(code);
            if (response == null) {
                response = OASFactory.createAPIResponse();
                responses.addAPIResponse(code, response);
            }
            if (response.getDescription() == null || response.getDescription().isBlank()
                    || isGeneric(response.getDescription())) {
                response.setDescription(entry.getValue().stream().map(k -> "`" + k.kind() + "`: " + k.meaning())
                        .collect(Collectors.joining(" ")));
            }
            Content content = response.getContent();
            if (content == null) {
                content = OASFactory.createContent();
                response.setContent(content);
            }
            MediaType media = content.getMediaType(ProblemMappers.PROBLEM_JSON);
            if (media == null) {
                media = OASFactory.createMediaType();
                content.addMediaType(ProblemMappers.PROBLEM_JSON, media);
            }
            media.setSchema(OASFactory.createSchema().ref(REF));
            for (ProblemType kind : entry.getValue()) {
                if (media.getExamples() == null || !media.getExamples().containsKey(kind.kind())) {
                    media.addExample(kind.kind(), OASFactory.createExample().summary(kind.title())
                            .value(example(kind)));
                }
            }
        }
        // the responses in the order of their codes, as a reader looks them up
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** The descriptions SmallRye gives the 401/403 it adds itself. */
    private static boolean isGeneric(String description) {
        return description.equals("Not Authorized") || description.equals("Not Allowed");
    }

    private static boolean hasQuery(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    }

    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The example body of a kind, as {@link ProblemMappers#body} writes it. */
    static Map<String, Object> example(ProblemType kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.uri());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", kind.exampleDetail());
        String field = switch (kind) {
            case INVALID_QUERY -> "limit";
            case VALIDATION -> "headline";
            default -> null;
        };
        if (field != null) {
            List<Map<String, String>> errors = new ArrayList<>();
            errors.add(Map.of("field", field, "message", kind.exampleDetail().substring(field.length() + 2)));
            body.put("errors", errors);
        }
        if (kind == ProblemType.CONFLICT || kind == ProblemType.NOT_ACTIVE) {
            body.put("currentState", kind == ProblemType.NOT_ACTIVE ? "CANCELLED" : "CONVENED");
        }
        return body;
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of the body, or parameter of the query")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The field (`releasableTo[0]`) or query parameter (`limit`)"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addRequired("field").addRequired("message");
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem (docs/api.md#problems). Further members (`currentState`, "
                        + "`refusal`) depend on the kind.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("`urn:tcc:problem:<kind>`, one per kind of problem (about:blank for a status "
                                + "outside the catalogue)").example(ProblemType.NOT_FOUND.uri()))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("currentState", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("In a 409: the state of the resource the action did not fit"))
                .addRequired("type").addRequired("title").addRequired("status")
                .additionalPropertiesBoolean(Boolean.TRUE);
    }
}
