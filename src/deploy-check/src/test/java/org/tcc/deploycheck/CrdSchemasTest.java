package org.tcc.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRD schema check can fail, per operator: a misspelt field, a wrong type, a missing required field, a value
 * outside an enum or pattern, each planted in an otherwise valid rendered production object; and the translation of
 * the Kubernetes extensions ({@code x-kubernetes-preserve-unknown-fields}, {@code -int-or-string},
 * {@code -embedded-resource}, {@code nullable}) on small schemas.
 */
class CrdSchemasTest {

    private static final Path CRDS = Path.of("src/test/resources/crds");

    private static ObjectNode rendered(String kind, String name) throws Exception {
        return DeployCheckTest.render("prod").find(kind, name).orElseThrow().deepCopy();
    }

    private static ObjectNode spec(ObjectNode o) {
        return (ObjectNode) o.path("spec");
    }

    private static void assertNamed(List<String> violations, String... expected) {
        for (String e : expected) {
            assertTrue(violations.stream().anyMatch(v -> v.contains(e)), e + " not in " + violations);
        }
    }

    @Test
    void theCommittedCopiesAreTheOnesSourcesMdNames() throws Exception {
        Map<String, String> recorded = new TreeMap<>();
        Matcher m = Pattern.compile("\\| `([^`]+\\.yaml)` \\|.*\\| ([0-9a-f]{64}) \\|")
                .matcher(Files.readString(CRDS.resolve("SOURCES.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            recorded.put(m.group(1), m.group(2));
        }
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                actual.put(f.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        assertEquals(recorded, actual, "SOURCES.md records every CRD copy with its sha256");
    }

    @Test
    void everyOperatorKindHasASchemaOrIsNamedAsOwnRulesOnly() throws Exception {
        assertTrue(CrdSchemas.types().containsAll(Set.of("postgresql.cnpg.io/v1/Cluster",
                "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup",
                "barmancloud.cnpg.io/v1/ObjectStore", "monitoring.coreos.com/v1/PrometheusRule")),
                CrdSchemas.types().toString());
        Set<String> both = new TreeSet<>(CrdSchemas.types());
        both.retainAll(ApiModel.OWN_RULES_ONLY);
        assertEquals(Set.of(), both, "a kind with a CRD schema here leaves ApiModel.OWN_RULES_ONLY");
        Set<String> rendered = new TreeSet<>();
        for (String overlay : Rendered.overlays()) {
            DeployCheckTest.render(overlay).objects.forEach(o -> rendered.add(o.path("apiVersion").asText() + "/"
                    + o.path("kind").asText()));
        }
        Set<String> schemaChecked = rendered.stream().filter(CrdSchemas::has).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("barmancloud.cnpg.io/v1/ObjectStore", "monitoring.coreos.com/v1/PrometheusRule",
                "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
                "postgresql.cnpg.io/v1/ScheduledBackup"), schemaChecked,
                "the rendered kinds checked against a CRD schema");
    }

    @Test
    void theRenderedOperatorObjectsAreValidToBeginWith() throws Exception {
        for (String overlay : Rendered.overlays()) {
            for (ObjectNode o : DeployCheckTest.render(overlay).objects) {
                String type = o.path("apiVersion").asText() + "/" + o.path("kind").asText();
                if (CrdSchemas.has(type)) {
                    assertEquals(List.of(), CrdSchemas.violations(o), overlay);
                }
            }
        }
    }

    @Test
    void cloudNativePgCluster() throws Exception {
        ObjectNode cluster = rendered("Cluster", "tcc-postgres");
        spec(cluster).put("enableSuperUserAccess", false);
        spec(cluster).remove("instances");
        ObjectNode appRole = (ObjectNode) spec(cluster).path("managed").path("roles").get(1);
        appRole.put("connectionLimit", "sixty");
        spec(cluster).put("primaryUpdateMethod", "failover");
        ((ObjectNode) spec(cluster).path("resources").path("limits")).put("memory", "2 GiB");
        assertNamed(ApiModel.violations(cluster), "enableSuperUserAccess", "not defined in the schema",
                "required property 'instances' not found", "$.spec.managed.roles[1].connectionLimit",
                "integer expected", "$.spec.primaryUpdateMethod", "enumeration", "$.spec.resources.limits.memory",
                "pattern");
    }

    @Test
    void barmanCloudObjectStore() throws Exception {
        ObjectNode store = rendered("ObjectStore", "tcc-postgres-backup");
        ObjectNode configuration = (ObjectNode) spec(store).path("configuration");
        configuration.put("endpointUrl", configuration.path("endpointURL").asText());
        configuration.remove("destinationPath");
        ((ObjectNode) configuration.path("wal")).put("maxParallel", "4");
        ((ObjectNode) configuration.path("data")).put("compression", "zstd");
        spec(store).put("retentionPolicy", "30 days");
        assertNamed(ApiModel.violations(store), "endpointUrl", "not defined in the schema",
                "required property 'destinationPath' not found", "$.spec.configuration.wal.maxParallel",
                "integer expected", "$.spec.configuration.data.compression", "enumeration", "$.spec.retentionPolicy",
                "pattern");
    }

    @Test
    void cloudNativePgDatabase() throws Exception {
        ObjectNode db = rendered("Database", "tcc-consultation");
        spec(db).put("owners", "tcc_consultation");
        spec(db).put("connectionLimit", "ten");
        spec(db).remove("owner");
        spec(db).put("ensure", "exists");
        assertNamed(ApiModel.violations(db), "owners", "not defined in the schema", "connectionLimit",
                "integer expected", "required property 'owner' not found", "$.spec.ensure");
    }

    @Test
    void cloudNativePgScheduledBackup() throws Exception {
        ObjectNode backup = rendered("ScheduledBackup", "tcc-postgres-nightly");
        spec(backup).put("method", "barman");
        spec(backup).remove("schedule");
        ((ObjectNode) spec(backup).path("pluginConfiguration")).putObject("parameters").put("retries", 3);
        ((ObjectNode) spec(backup).path("cluster")).put("namespace", "tcc");
        assertNamed(ApiModel.violations(backup), "$.spec.method", "enumeration",
                "required property 'schedule' not found", "$.spec.pluginConfiguration.parameters.retries",
                "string expected", "namespace");
    }

    @Test
    void prometheusOperatorRule() throws Exception {
        ObjectNode rule = rendered("PrometheusRule", "tcc-operations");
        ArrayNode groups = (ArrayNode) spec(rule).path("groups");
        ObjectNode alerting = null;
        for (JsonNode g : groups) {
            for (JsonNode r : g.path("rules")) {
                if (alerting == null && r.has("alert") && r.has("for")) {
                    alerting = (ObjectNode) r;
                }
            }
        }
        alerting.put("fo", alerting.path("for").asText());
        alerting.put("for", "5 minutes");
        alerting.remove("expr");
        ((ObjectNode) groups.get(0)).put("interval", 30);
        assertNamed(ApiModel.violations(rule), "fo", "not defined in the schema", ".for", "pattern",
                "required property 'expr' not found", "$.spec.groups[0].interval", "string expected");
    }

    @Test
    void theKubernetesExtensionsAreTranslated() throws Exception {
        JsonNode openApi = Rendered.YAML.readTree("""
                type: object
                properties:
                  metadata: {type: object}
                  spec:
                    type: object
                    required: [port]
                    properties:
                      port: {x-kubernetes-int-or-string: true}
                      config: {type: object, x-kubernetes-preserve-unknown-fields: true}
                      labels: {type: object, additionalProperties: {type: string}}
                      note: {type: string, nullable: true}
                      template: {type: object, x-kubernetes-embedded-resource: true, properties: {spec: {type: object}}}
                """);
        var schema = CrdSchemas.compile(openApi);
        JsonNode valid = Rendered.YAML.readTree("""
                metadata: {name: x, labels: {a: b}}
                spec:
                  port: http
                  config: {anything: [1, 2], goes: {here: true}}
                  labels: {a: b}
                  note: null
                  template: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {}}
                """);
        assertEquals(Set.of(), schema.validate(valid));
        ((ObjectNode) valid.path("spec")).put("port", 8080);
        assertEquals(Set.of(), schema.validate(valid), "an integer is as good as a string");
        ObjectNode wrong = valid.deepCopy();
        ((ObjectNode) wrong.path("spec")).put("port", true).put("portt", 1);
        ((ObjectNode) wrong.path("spec").path("labels")).put("n", 1);
        ((ObjectNode) wrong.path("spec").path("template").path("spec")).put("containers", "x");
        ((ObjectNode) wrong.path("spec")).remove("port");
        String errors = schema.validate(wrong).toString();
        for (String e : List.of("portt", "required property 'port'", "$.spec.labels.n", "containers")) {
            assertTrue(errors.contains(e), e + " not in " + errors);
        }
    }
}
