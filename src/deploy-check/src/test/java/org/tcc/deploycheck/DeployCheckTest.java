package org.tcc.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcc.contracts.Topics;

/**
 * Every overlay under {@code k8s/overlays}, rendered by {@code kubectl kustomize}, checked against the Kubernetes and
 * Strimzi API models and against TCC's rules: what would reach a cluster is what this test read.
 */
class DeployCheckTest {

    /** The local tools' principals: in the local overlay, never in production. */
    static final Set<String> TOOLS = Set.of("demo", "bench", "drill");
    /** Made by an operator or by hand before the first deployment (docs/operations.md, "Secrets"). */
    static final Set<String> MADE_ELSEWHERE = Set.of("kafka-cluster-ca-cert", "keycloak-tls",
            "consultation-audit-signing-key", "tcc-tls");

    /** Clients of the local realm that exist for the tests only. */
    static final Set<String> LOCAL_ONLY_CLIENTS = Set.of("tcc-cli-short");

    private static final Map<String, Rendered> RENDERED = new HashMap<>();

    static Stream<String> overlays() throws IOException {
        return Rendered.overlays().stream();
    }

    static synchronized Rendered render(String overlay) throws Exception {
        Rendered r = RENDERED.get(overlay);
        if (r == null) {
            r = Rendered.overlay(overlay);
            RENDERED.put(overlay, r);
        }
        return r;
    }

    static boolean production(String overlay) {
        return !overlay.equals("local");
    }

    @Test
    void thereIsALocalAndAProductionOverlay() throws IOException {
        assertTrue(Rendered.overlays().containsAll(List.of("local", "prod")), Rendered.overlays().toString());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsValidForItsApi(String overlay) throws Exception {
        List<String> violations = new ArrayList<>();
        for (ObjectNode o : render(overlay).objects) {
            violations.addAll(ApiModel.violations(o));
        }
        assertEquals(List.of(), violations, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void workloadsFollowTheRules(String overlay) throws Exception {
        Rendered r = render(overlay);
        Set<String> deployed = r.ofKind("Deployment").stream().map(Rendered::name).collect(Collectors.toSet());
        assertEquals(Policies.TCC_SERVICES, deployed, overlay);
        assertEquals(List.of(), Policies.workloads(r, production(overlay)), overlay);
        assertTrue(r.find("NetworkPolicy", Policies.DEFAULT_DENY).isPresent(), "default deny");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConsoleHoldsNoDatabaseOrKafkaCredentialAndReachesOnlyTheApiPorts(String overlay) throws Exception {
        Rendered r = render(overlay);
        ObjectNode console = r.find("Deployment", Policies.CONSOLE).orElseThrow();
        JsonNode pod = console.path("spec").path("template").path("spec");
        assertTrue(pod.path("initContainers").isMissingNode() || pod.path("initContainers").isEmpty(), "no migrations");
        for (JsonNode e : pod.path("containers").get(0).path("env")) {
            String name = e.path("name").asText();
            assertTrue(!name.startsWith("TCC_DB_") && !name.startsWith("TCC_KAFKA_"), overlay + ": console sets " + name);
        }
        Set<String> secrets = new TreeSet<>();
        console.findValues("secretKeyRef").forEach(n -> secrets.add(n.path("name").asText()));
        console.findValues("secretName").forEach(n -> secrets.add(n.asText()));
        assertEquals(Set.of("tcc-console-session"), secrets, overlay + ": the console's only Secret");
        JsonNode app = pod.path("containers").get(0);
        Map<String, String> urls = Map.of("TCC_CONSOLE_INGESTION_URL", "alert-ingestion",
                "TCC_CONSOLE_CONSULTATION_URL", "consultation", "TCC_CONSOLE_NOTIFICATION_URL", "notification");
        JsonNode egress = r.find("NetworkPolicy", Policies.CONSOLE).orElseThrow().path("spec").path("egress");
        for (var u : urls.entrySet()) {
            JsonNode service = r.find("Service", u.getValue()).orElseThrow();
            int port = service.path("spec").path("ports").get(0).path("port").asInt();
            assertEquals("http://" + u.getValue() + ":" + port, Policies.env(app, u.getKey()), overlay + ": " + u.getKey());
            assertTrue(allows(egress, "to", u.getValue(), port), overlay + ": console may reach " + u.getValue());
            JsonNode ingress = r.find("NetworkPolicy", u.getValue()).orElseThrow().path("spec").path("ingress");
            assertTrue(allows(ingress, "from", Policies.CONSOLE, port),
                    overlay + ": " + u.getValue() + " admits the console on its API port " + port);
        }
        for (JsonNode rule : egress) {
            for (JsonNode port : rule.path("ports")) {
                assertTrue(Set.of(53, 8081, 8082, 8083, 443, 8443).contains(port.path("port").asInt()),
                        overlay + ": console egress to port " + port);
            }
        }
        JsonNode in = r.find("NetworkPolicy", Policies.CONSOLE).orElseThrow().path("spec").path("ingress");
        assertEquals(1, in.size(), overlay + ": only the ingress controller reaches the console");
        assertEquals(1, in.get(0).path("ports").size(), overlay + ": one port");
        assertEquals(8080, in.get(0).path("ports").get(0).path("port").asInt(), overlay + ": the console's http port");
        assertEquals("ingress-nginx", in.get(0).path("from").get(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText(), overlay + ": from the ingress controller");
        // the browser's issuer is the services' issuer: the same ConfigMap key in every Deployment
        for (ObjectNode d : r.ofKind("Deployment")) {
            JsonNode issuer = envNamed(d.path("spec").path("template").path("spec").path("containers").get(0),
                    "TCC_OIDC_ISSUER");
            JsonNode ref = issuer == null ? null : issuer.path("valueFrom").path("configMapKeyRef");
            assertEquals("tcc/oidc-issuer", ref == null ? null : ref.path("name").asText() + "/" + ref.path("key").asText(),
                    Rendered.id(d));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicAndItsDeadLetterTwinIsAKafkaTopic(String overlay) throws Exception {
        Rendered r = render(overlay);
        Set<String> expected = new TreeSet<>(Topics.ALL_WITH_DLQ);
        expected.add(Topics.AUDIT_CHECKPOINTS);
        Map<String, JsonNode> topics = new TreeMap<>();
        r.ofKind("KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(Rendered.name(t)), t));
        assertEquals(expected, topics.keySet(), overlay);
        int brokers = 0;
        for (ObjectNode pool : r.ofKind("KafkaNodePool")) {
            for (JsonNode role : pool.path("spec").path("roles")) {
                brokers += "broker".equals(role.asText()) ? pool.path("spec").path("replicas").asInt() : 0;
            }
        }
        for (var e : topics.entrySet()) {
            JsonNode spec = e.getValue().path("spec");
            String topic = e.getKey();
            int partitions = spec.path("partitions").asInt();
            long retention = spec.path("config").path("retention.ms").asLong();
            if (topic.endsWith(".dlq")) {
                assertEquals(1, partitions, topic);
                assertEquals(30L * 24 * 3600 * 1000, retention, topic);
            } else if (topic.equals(Topics.AUDIT_CHECKPOINTS)) {
                assertEquals(1, partitions, topic);
                assertEquals(-1L, retention, topic + ": kept forever");
            } else {
                assertEquals(3, partitions, topic);
                assertEquals(7L * 24 * 3600 * 1000, retention, topic);
            }
            int replicas = spec.path("replicas").asInt();
            int minIsr = spec.path("config").path("min.insync.replicas").asInt();
            assertTrue(replicas <= brokers, topic + ": " + replicas + " replicas on " + brokers + " brokers");
            if (production(overlay)) {
                assertEquals(3, replicas, topic);
                assertEquals(2, minIsr, topic + ": one broker may be down without refusing writes");
            } else {
                assertTrue(minIsr >= 1 && minIsr <= replicas, topic);
            }
            assertEquals("kafka", e.getValue().path("metadata").path("labels").path("strimzi.io/cluster").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPrincipalIsAKafkaUserWithExactlyItsAcls(String overlay) throws Exception {
        Rendered r = render(overlay);
        Map<String, Set<String>> users = new TreeMap<>();
        for (ObjectNode u : r.ofKind("KafkaUser")) {
            assertEquals("scram-sha-512", u.path("spec").path("authentication").path("type").asText(), Rendered.id(u));
            users.put(Rendered.name(u), strimziAcls(u));
        }
        for (ObjectNode d : r.ofKind("Deployment")) {
            if (!Policies.BACKEND_SERVICES.contains(Rendered.name(d))) {
                continue;   // the console has no Kafka user (checked above it sets no TCC_KAFKA_*)
            }
            for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                String user = Policies.env(c, "TCC_KAFKA_USER");
                assertTrue(users.containsKey(user), Rendered.id(d) + " logs in as " + user + ", which is no KafkaUser");
            }
        }
        Map<String, Set<String>> principals = principals();
        Assumptions.assumeTrue(principals != null, "KafkaPrincipal is not on this branch yet (kafka-identities)");
        Set<String> expected = new TreeSet<>(principals.keySet());
        expected.remove("test-harness");
        if (production(overlay)) {
            expected.removeAll(TOOLS);
        }
        assertEquals(expected, users.keySet(), overlay + ": the KafkaUsers");
        for (String user : users.keySet()) {
            assertEquals(principals.get(user), users.get(user), overlay + ": the ACLs of " + user);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceHasItsDatabaseAnOwnerAndARuntimeRole(String overlay) throws Exception {
        Rendered r = render(overlay);
        ObjectNode cluster = r.find("Cluster", "tcc-postgres").orElseThrow();
        if (production(overlay)) {
            assertEquals(3, cluster.path("spec").path("instances").asInt(), "3 PostgreSQL instances in production");
            assertTrue(r.find("ScheduledBackup", "tcc-postgres-nightly").isPresent(), "nightly base backup");
            assertTrue(cluster.path("spec").path("plugins").toString().contains("\"isWALArchiver\":true"),
                    "continuous WAL archive");
        }
        Map<String, String> rolePasswordSecret = new HashMap<>();
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            rolePasswordSecret.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
            assertTrue(!role.path("superuser").asBoolean(false) && !role.path("createdb").asBoolean(false)
                    && !role.path("createrole").asBoolean(false), role.toString());
        }
        Set<String> withDatabase = new TreeSet<>();
        for (ObjectNode d : r.ofKind("Deployment")) {
            if (!Policies.BACKEND_SERVICES.contains(Rendered.name(d))) {
                continue;   // the console has no database
            }
            withDatabase.add(Rendered.name(d));
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode app = pod.path("containers").get(0);
            JsonNode migrate = pod.path("initContainers").get(0);
            String id = Rendered.id(d);
            String database = URI.create(Policies.env(app, "TCC_DB_URL").substring("jdbc:".length())).getPath()
                    .substring(1);
            String runtime = Policies.env(app, "TCC_DB_USER");
            String owner = Policies.env(migrate, "TCC_DB_OWNER_USER");
            assertEquals("false", Policies.env(app, "TCC_DB_MIGRATE"), id);
            assertEquals(null, envNamed(app, "TCC_DB_OWNER_PASSWORD"), id + ": the service never holds the owner's password");
            assertTrue(!runtime.equals(owner), id + ": runtime role = owner role");
            assertEquals("true", Policies.env(migrate, "QUARKUS_INIT_AND_EXIT"), id);
            JsonNode db = r.ofKind("Database").stream().filter(x -> database.equals(x.path("spec").path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(id + ": no Database " + database));
            assertEquals(owner, db.path("spec").path("owner").asText(), id + ": owner of " + database);
            assertEquals(rolePasswordSecret.get(runtime), secretOf(app, "TCC_DB_PASSWORD"), id + ": runtime password");
            assertEquals(rolePasswordSecret.get(owner), secretOf(migrate, "TCC_DB_OWNER_PASSWORD"), id + ": owner password");
        }
        assertEquals(Policies.BACKEND_SERVICES, withDatabase, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferencedSecretAndConfigMapIsMadeSomewhere(String overlay) throws Exception {
        Rendered r = render(overlay);
        Set<String> made = new TreeSet<>(MADE_ELSEWHERE);
        r.ofKind("Secret").forEach(s -> made.add(Rendered.name(s)));
        r.ofKind("ExternalSecret").forEach(s -> made.add(s.path("spec").path("target").path("name").asText()));
        r.ofKind("KafkaUser").forEach(s -> made.add(Rendered.name(s)));
        Set<String> missing = new TreeSet<>(Policies.referencedSecrets(r));
        missing.removeAll(made);
        assertEquals(Set.of(), missing, overlay + ": Secrets referenced but made nowhere");
        Set<String> configMaps = new TreeSet<>();
        r.ofKind("Deployment").forEach(d -> {
            d.findValues("configMapKeyRef").forEach(n -> configMaps.add(n.path("name").asText()));
            d.findValues("configMap").forEach(n -> configMaps.add(n.path("name").asText()));
        });
        r.ofKind("ConfigMap").forEach(c -> configMaps.remove(Rendered.name(c)));
        if (production(overlay)) {
            // the deployment's own sensor registry and zones: made outside the overlay (docs/operations.md)
            configMaps.remove("tcc-trust");
        }
        assertEquals(Set.of(), configMaps, overlay + ": ConfigMaps referenced but made nowhere");
        assertEquals(List.of(), Policies.configMaps(r, production(overlay)), overlay);
        if (production(overlay)) {
            assertEquals(List.of(), r.ofKind("Secret").stream().map(Rendered::name).toList(),
                    "no Secret is committed for production");
        }
    }

    @Test
    void theLocalOverlayAloneTrustsTheRepositorysSensorKeysAndZones() throws Exception {
        Rendered local = render("local");
        JsonNode trust = local.find("ConfigMap", "tcc-trust").orElseThrow().path("data");
        var resources = Rendered.root().resolve("src/alert-ingestion/src/main/resources");
        // k8s/overlays/local/trust/update.sh copies them again when these fail
        assertEquals(Files.readString(resources.resolve("sensors/local-sensors.jwks.json")),
                trust.path("sensor-registry.jwks.json").asText(), "the local sensors' public keys");
        assertEquals(Files.readString(resources.resolve("zones/default-zones.geojson")),
                trust.path("zones.geojson").asText(), "the demo zones");
        assertEquals(Set.of("sensor-registry.jwks.json", "zones.geojson"), fieldNames(trust));
        for (ObjectNode d : local.ofKind("Deployment")) {
            JsonNode app = d.path("spec").path("template").path("spec").path("containers").get(0);
            assertEquals(Rendered.name(d).equals("alert-ingestion") ? "true" : null,
                    Policies.env(app, "TCC_ACCEPT_REPOSITORY_MATERIAL"), Rendered.id(d));
        }
        Rendered prod = render("prod");
        assertTrue(prod.find("ConfigMap", "tcc-trust").isEmpty(), "production renders no trust material");
        for (ObjectNode d : prod.ofKind("Deployment")) {
            assertTrue(!d.toString().contains("ACCEPT_REPOSITORY_MATERIAL")
                    && !d.toString().contains("accept-repository-material"), Rendered.id(d));
        }
    }

    static Set<String> fieldNames(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRealmImportHasTheLocalRealmsModelButNoCredential(String overlay) throws Exception {
        JsonNode imported = render(overlay).find("KeycloakRealmImport", "tcc-realm").orElseThrow()
                .path("spec").path("realm");
        JsonNode local = new ObjectMapper().readTree(Files.readString(Rendered.root()
                .resolve("deploy/keycloak/tcc-realm.json")));
        // k8s/base/keycloak/generate-realm-import.py makes the import from the local realm: rerun it when this fails
        assertEquals(local.path("roles"), imported.path("roles"), "the local realm's roles");
        assertEquals(local.path("clientScopes"), imported.path("clientScopes"), "the local realm's client scopes");
        Set<String> clients = names(local.path("clients"), "clientId");
        clients.removeAll(LOCAL_ONLY_CLIENTS);
        assertEquals(clients, names(imported.path("clients"), "clientId"));
        assertEquals(List.of(), imported.findValues("credentials"), "no credential");
        assertEquals(List.of(), imported.findValues("secret"), "no client secret");
        for (JsonNode user : imported.path("users")) {
            assertTrue(user.has("serviceAccountClientId"), "only service accounts, no people: " + user);
        }
        assertEquals("all", imported.path("sslRequired").asText());
        for (JsonNode client : imported.path("clients")) {
            assertTrue(!client.path("directAccessGrantsEnabled").asBoolean(false),
                    client.path("clientId").asText() + ": no password grant in production");
        }
        assertEquals(List.of(), Policies.realmRedirects(imported), "production redirect URIs: https, never localhost");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConsoleSignsInAndOutOnTheIngressHostOnly(String overlay) throws Exception {
        Rendered r = render(overlay);
        JsonNode console = clientOf(r, "tcc-console");
        Set<String> hosts = new TreeSet<>();
        r.ofKind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(rule -> hosts.add(rule.path("host").asText())));
        Set<String> expected = new TreeSet<>();
        hosts.forEach(h -> expected.add("https://" + h + "/*"));
        assertEquals(expected, names(console.path("redirectUris")), overlay + ": redirect URIs");
        assertEquals(expected, new TreeSet<>(List.of(console.path("attributes").path("post.logout.redirect.uris")
                .asText().split("##"))), overlay + ": post-logout redirect URIs");
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText(), "PKCE");
        assertTrue(console.path("publicClient").asBoolean(), "a public client: no secret to keep");
        JsonNode deployment = r.find("Deployment", Policies.CONSOLE).orElseThrow();
        JsonNode app = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        String allowed = Policies.env(app, "TCC_CONSOLE_ALLOWED_ORIGINS");
        Set<String> origins = new TreeSet<>();
        hosts.forEach(h -> origins.add("https://" + h));
        assertEquals(origins, allowed == null ? Set.of() : new TreeSet<>(List.of(allowed.split(","))),
                overlay + ": the console accepts changes from its ingress origin only");
    }

    /** Whether a rule of a NetworkPolicy's ingress or egress names pods {@code app} (in its namespace) on {@code port}. */
    static boolean allows(JsonNode rules, String peers, String app, int port) {
        for (JsonNode rule : rules) {
            boolean pods = false;
            for (JsonNode peer : rule.path(peers)) {
                pods |= !peer.has("namespaceSelector")
                        && app.equals(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
            }
            boolean onPort = false;
            for (JsonNode p : rule.path("ports")) {
                onPort |= p.path("port").asInt() == port;
            }
            if (pods && onPort) {
                return true;
            }
        }
        return false;
    }

    static JsonNode clientOf(Rendered r, String clientId) {
        for (JsonNode c : r.find("KeycloakRealmImport", "tcc-realm").orElseThrow().path("spec").path("realm").path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    static Set<String> names(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressRoutesOnlyApiPathsToApiPorts(String overlay) throws Exception {
        Rendered r = render(overlay);
        Set<String> routed = new TreeSet<>();
        for (ObjectNode ingress : r.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service = path.path("backend").path("service").path("name").asText();
                    // the console has / (its pages and its own proxy); the services only their /api/v1/ paths
                    assertTrue(service.equals(Policies.CONSOLE) ? path.path("path").asText().equals("/")
                            : path.path("path").asText().startsWith("/api/v1/"), path.toString());
                    assertEquals("http", path.path("backend").path("service").path("port").path("name").asText(),
                            path + ": only the API port, never management");
                    routed.add(service);
                }
            }
            ingress.findValues("secretName").forEach(n -> assertTrue(MADE_ELSEWHERE.contains(n.asText()), n.asText()));
        }
        assertEquals(Policies.TCC_SERVICES, routed, overlay);
        for (ObjectNode service : r.ofKind("Service")) {
            for (JsonNode port : service.path("spec").path("ports")) {
                assertTrue(!"management".equals(port.path("targetPort").asText()) && port.path("port").asInt() != 9000,
                        Rendered.id(service) + ": the management port is not in the Service");
            }
        }
    }

    static Set<String> names(JsonNode array, String field) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    static JsonNode envNamed(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        return null;
    }

    static String secretOf(JsonNode container, String variable) {
        JsonNode e = envNamed(container, variable);
        return e == null ? null : e.path("valueFrom").path("secretKeyRef").path("name").asText(null);
    }

    /** A KafkaUser's ACLs as TYPE|name|PATTERN|OPERATION strings. */
    static Set<String> strimziAcls(JsonNode user) {
        Set<String> out = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            assertTrue(!acl.has("type") || "allow".equals(acl.path("type").asText()), "allow rules only: " + acl);
            assertTrue(!acl.has("host") || "*".equals(acl.path("host").asText()), "any host: " + acl);
            JsonNode res = acl.path("resource");
            String type = switchType(res.path("type").asText());
            String pattern = "prefix".equals(res.path("patternType").asText()) ? "PREFIXED" : "LITERAL";
            String name = "CLUSTER".equals(type) ? "kafka-cluster" : res.path("name").asText();
            for (JsonNode op : acl.path("operations")) {
                out.add(type + "|" + name + "|" + pattern + "|" + op.asText().toUpperCase(Locale.ROOT)
                        .replace("DESCRIBECONFIGS", "DESCRIBE_CONFIGS").replace("ALTERCONFIGS", "ALTER_CONFIGS")
                        .replace("IDEMPOTENTWRITE", "IDEMPOTENT_WRITE"));
            }
        }
        return out;
    }

    private static String switchType(String strimzi) {
        if ("transactionalId".equals(strimzi)) {
            return "TRANSACTIONAL_ID";
        }
        return strimzi.toUpperCase(Locale.ROOT);
    }

    /** KafkaPrincipal's principals and their ACLs in the same form, or null where the class is not there. */
    static Map<String, Set<String>> principals() throws Exception {
        Class<?> type;
        try {
            type = Class.forName("org.tcc.stack.infra.KafkaPrincipal");
        } catch (ClassNotFoundException e) {
            return null;
        }
        Method user = type.getMethod("user");
        Method acls = type.getMethod("acls");
        Map<String, Set<String>> out = new TreeMap<>();
        for (Object p : type.getEnumConstants()) {
            Set<String> set = new TreeSet<>();
            for (Object o : (List<?>) acls.invoke(p)) {
                org.apache.kafka.common.acl.AclBinding b = (org.apache.kafka.common.acl.AclBinding) o;
                set.add(b.pattern().resourceType() + "|" + b.pattern().name() + "|" + b.pattern().patternType() + "|"
                        + b.entry().operation());
            }
            out.put((String) user.invoke(p), set);
        }
        return out;
    }
}
