package org.tcc.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI checker finds each way a document can break the API convention, and accepts one that keeps it. */
class OpenApiConventionTest {

    private static final String PROBLEM = "{\"content\":{\"application/problem+json\":{\"schema\":{\"$ref\":"
            + "\"#/components/schemas/Problem\"},\"examples\":{\"%s\":{\"value\":{\"type\":\"urn:tcc:problem:%s\","
            + "\"status\":%d}}}}}}";

    private static String problem(String kind, int status) {
        return String.format(PROBLEM, kind, kind, status);
    }

    private static String document(String listParameters, String listBody, String itemPath, String extraResponse) {
        return "{\"openapi\":\"3.1.0\",\"components\":{\"schemas\":{\"Problem\":{\"type\":\"object\"},"
                + "\"PageThing\":{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\"},"
                + "\"next\":{\"type\":\"string\"}}}}},\"paths\":{"
                + "\"/api/v1/things\":{\"get\":{\"parameters\":[" + listParameters + "],\"responses\":{"
                + "\"200\":{\"content\":{\"application/json\":{\"schema\":" + listBody + "}}},"
                + "\"400\":" + problem("invalid-query", 400) + ",\"401\":" + problem("unauthenticated", 401) + ","
                + "\"403\":" + problem("forbidden", 403) + extraResponse + "}}},"
                + "\"" + itemPath + "\":{\"get\":{\"responses\":{\"200\":{},"
                + "\"401\":" + problem("unauthenticated", 401) + ",\"403\":" + problem("forbidden", 403) + ","
                + "\"404\":" + problem("not-found", 404) + "}}}}}";
    }

    private static final String PAGING = "{\"name\":\"cursor\",\"in\":\"query\"},{\"name\":\"limit\",\"in\":\"query\"}";
    private static final String ENVELOPE = "{\"$ref\":\"#/components/schemas/PageThing\"}";

    @Test
    void aDocumentThatKeepsTheConventionHasNoViolations() {
        assertEquals(List.of(), OpenApiConvention.violations(document(PAGING, ENVELOPE, "/api/v1/things/{thingId}",
                "")));
    }

    @Test
    void eachBreachIsNamed() {
        assertTrue(OpenApiConvention.violations(document("{\"name\":\"cursor\",\"in\":\"query\"}", ENVELOPE,
                "/api/v1/things/{thingId}", "")).get(0).contains("without the cursor and limit"));
        assertTrue(OpenApiConvention.violations(document(PAGING, "{\"type\":\"array\"}",
                "/api/v1/things/{thingId}", "")).get(0).contains("bare JSON array"));
        assertTrue(OpenApiConvention.violations(document(PAGING, ENVELOPE, "/api/v1/things/{id}", ""))
                .get(0).contains("{id}"));
        assertTrue(OpenApiConvention.violations(document(PAGING, ENVELOPE, "/api/v1/things/{thingId}",
                ",\"409\":{\"description\":\"Conflict\"}")).get(0).contains("409: not application/problem+json"));
        String withoutProblemSchema = document(PAGING, ENVELOPE, "/api/v1/things/{thingId}", "")
                .replace("\"Problem\":{\"type\":\"object\"},", "");
        assertTrue(OpenApiConvention.violations(withoutProblemSchema).get(0).contains("no Problem schema"));
        String without404 = document(PAGING, ENVELOPE, "/api/v1/things/{thingId}", "")
                .replace(",\"404\":" + problem("not-found", 404), "");
        assertTrue(OpenApiConvention.violations(without404).get(0).contains("no 404 response"));
    }
}
