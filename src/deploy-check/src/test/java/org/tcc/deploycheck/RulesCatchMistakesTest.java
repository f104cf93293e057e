package org.tcc.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks can fail: each plants one mistake in an otherwise valid production object and expects it named. */
class RulesCatchMistakesTest {

    private static ObjectNode deployment() throws Exception {
        return DeployCheckTest.render("prod").find("Deployment", "notification").orElseThrow().deepCopy();
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static void assertNamed(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), expected + " not in " + violations);
    }

    @Test
    void theProductionDeploymentIsCleanToBeginWith() throws Exception {
        assertEquals(List.of(), Policies.deployment(deployment(), true));
        assertEquals(List.of(), ApiModel.violations(deployment()));
    }

    @Test
    void aLatestTagOrAnUnpinnedImage() throws Exception {
        ObjectNode d = deployment();
        container(d).put("image", "registry.example/tcc/notification:latest");
        assertNamed(Policies.deployment(d, false), "has no fixed tag or digest");
        container(d).put("image", "registry.example/tcc/notification:0.1.0");
        assertEquals(List.of(), Policies.deployment(d, false));
        assertNamed(Policies.deployment(d, true), "is not pinned by digest");
    }

    @Test
    void aMissingLimitProbeOrHardening() throws Exception {
        ObjectNode d = deployment();
        ((ObjectNode) container(d).path("resources").path("limits")).remove("memory");
        container(d).remove("startupProbe");
        ((ObjectNode) container(d).path("readinessProbe").path("httpGet")).put("port", "http");
        ((ObjectNode) container(d).path("securityContext")).put("readOnlyRootFilesystem", false);
        ((ObjectNode) container(d).path("securityContext").path("capabilities")).putArray("add").add("NET_ADMIN");
        ((ObjectNode) d.path("spec").path("template").path("spec").path("securityContext")).remove("runAsNonRoot");
        ((ObjectNode) d.path("spec")).put("replicas", 1);
        ((ArrayNode) container(d).path("env")).addObject().put("name", "TCC_DB_MIGRATE").put("value", "true");
        List<String> v = Policies.deployment(d, true);
        assertNamed(v, "environment variable TCC_DB_MIGRATE set twice");
        assertNamed(v, "resources.limits.memory not set");
        assertNamed(v, "no startupProbe");
        assertNamed(v, "readinessProbe is not on the management port");
        assertNamed(v, "readOnlyRootFilesystem is not true");
        assertNamed(v, "capabilities do not drop ALL");
        assertNamed(v, "runAsNonRoot is not true");
        assertNamed(v, "spec.replicas < 2");
    }

    @Test
    void productionAcceptingTheRepositorysTrustMaterial() throws Exception {
        Rendered prod = DeployCheckTest.render("prod");
        ObjectNode d = prod.find("Deployment", "alert-ingestion").orElseThrow().deepCopy();
        ((ArrayNode) container(d).path("env")).addObject().put("name", "TCC_ACCEPT_REPOSITORY_MATERIAL").put("value", "true");
        assertNamed(Policies.deployment(d, true), "sets TCC_ACCEPT_REPOSITORY_MATERIAL to accept the repository's");
        assertEquals(List.of(), Policies.deployment(d, false), "the local overlay may");
        ObjectNode viaProperty = prod.find("Deployment", "alert-ingestion").orElseThrow().deepCopy();
        for (var e : container(viaProperty).path("env")) {
            if (e.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
                ((ObjectNode) e).put("value", e.path("value").asText() + " -Dtcc.trust.accept-repository-material=true");
            }
        }
        assertNamed(Policies.deployment(viaProperty, true), "sets JAVA_TOOL_OPTIONS to accept the repository's");

        Rendered local = DeployCheckTest.render("local");
        ObjectNode trust = local.find("ConfigMap", "tcc-trust").orElseThrow();
        Rendered mixed = new Rendered("prod", new java.util.ArrayList<>(prod.objects));
        mixed.objects.add(trust);
        assertNamed(Policies.configMaps(mixed, true), "ConfigMap/tcc-trust: rendered from the repository");
        ObjectNode big = trust.deepCopy();
        ((ObjectNode) big.path("data")).put("more.geojson", "x".repeat(Policies.CONFIG_MAP_LIMIT));
        mixed.objects.add(big);
        assertNamed(Policies.configMaps(mixed, false), "more than a ConfigMap may hold");
    }

    @Test
    void aMisspelledOrMistypedFieldAgainstTheApiModels() throws Exception {
        ObjectNode d = deployment();
        ((ObjectNode) container(d).path("readinessProbe")).put("periodSecond", 5);
        assertNamed(ApiModel.violations(d), "unknown field spec.template.spec.containers[0].readinessProbe.periodSecond");

        ObjectNode quoted = deployment();
        ((ObjectNode) container(quoted).path("readinessProbe")).put("periodSeconds", "5");
        assertNamed(ApiModel.violations(quoted), "not a valid apps/v1/Deployment");
        ObjectNode numeric = deployment();
        ((ObjectNode) container(numeric).path("env").get(0)).put("value", 5);
        assertNamed(ApiModel.violations(numeric), "not a valid apps/v1/Deployment");

        ObjectNode topic = DeployCheckTest.render("prod").ofKind("KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.path("spec")).put("partition", 3);
        assertNamed(ApiModel.violations(topic), "unknown field spec.partition");

        ObjectNode kafka = DeployCheckTest.render("prod").find("Kafka", "kafka").orElseThrow().deepCopy();
        ArrayNode listeners = (ArrayNode) kafka.path("spec").path("kafka").path("listeners");
        ((ObjectNode) listeners.get(0).path("authentication")).put("type", "scram-sha-1024");
        assertNamed(ApiModel.violations(kafka), "not a valid kafka.strimzi.io/v1/Kafka");

        ObjectNode user = DeployCheckTest.render("prod").find("KafkaUser", "feed-usa").orElseThrow().deepCopy();
        ((ObjectNode) user.path("spec").path("authorization").path("acls").get(0).path("resource")).put("type", "queue");
        assertNamed(ApiModel.violations(user), "not a valid kafka.strimzi.io/v1/KafkaUser");

        ObjectNode unknown = deployment();
        unknown.put("apiVersion", "apps/v1beta1");
        assertNamed(ApiModel.violations(unknown), "unknown API apps/v1beta1/Deployment");
    }

    @Test
    void aConsoleOutsideTheDefaultDeny() throws Exception {
        Rendered prod = DeployCheckTest.render("prod");
        assertEquals(List.of(), Policies.workloads(prod, true));
        Rendered mixed = new Rendered("prod", new java.util.ArrayList<>(prod.objects));
        ObjectNode console = prod.find("Deployment", Policies.CONSOLE).orElseThrow().deepCopy();
        ((ObjectNode) console.path("spec").path("template").path("metadata").path("labels"))
                .put("app.kubernetes.io/component", "frontend");
        mixed.objects.removeIf(o -> Rendered.id(o).equals("Deployment/" + Policies.CONSOLE));
        mixed.objects.add(console);
        assertNamed(Policies.workloads(mixed, true), "Deployment/console: NetworkPolicy tcc-services-default-deny does not select it");
    }

    @Test
    void aLocalhostOrPlainHttpRedirectInTheProductionRealm() throws Exception {
        ObjectNode realm = DeployCheckTest.render("prod").find("KeycloakRealmImport", "tcc-realm").orElseThrow()
                .path("spec").path("realm").deepCopy();
        assertEquals(List.of(), Policies.realmRedirects(realm));
        for (var client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("tcc-console")) {
                ((ArrayNode) client.path("redirectUris")).add("http://localhost:8080/*");
                ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris", "https://tcc.example/*##https://127.0.0.1/*");
                ((ArrayNode) client.path("webOrigins")).add("http://tcc.example");
            }
        }
        List<String> v = Policies.realmRedirects(realm);
        assertNamed(v, "client tcc-console: http://localhost:8080/* is not https");
        assertNamed(v, "client tcc-console: http://localhost:8080/* is a loopback address");
        assertNamed(v, "client tcc-console: https://127.0.0.1/* is a loopback address");
        assertNamed(v, "client tcc-console: http://tcc.example is not https");
    }

    @Test
    void aFeedWithMoreThanTheFeedTopic() throws Exception {
        ObjectNode user = DeployCheckTest.render("prod").find("KafkaUser", "feed-usa").orElseThrow().deepCopy();
        ((ArrayNode) user.path("spec").path("authorization").path("acls").get(0).path("operations")).add("Read");
        assertTrue(DeployCheckTest.strimziAcls(user).contains("TOPIC|tcc.feed.missile-launch.v1|LITERAL|READ"));
        var principals = DeployCheckTest.principals();
        if (principals != null) {
            assertTrue(!principals.get("feed-usa").equals(DeployCheckTest.strimziAcls(user)));
        }
    }
}
