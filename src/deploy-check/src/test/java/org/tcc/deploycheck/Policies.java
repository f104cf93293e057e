package org.tcc.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** TCC's own rules for every rendered workload; each returns what breaks it, with the object and field. */
final class Policies {

    static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    /** The web console (src/console): no database, no Kafka; signs people in and relays to the services. */
    static final String CONSOLE = "console";
    /** The services with a database and a Kafka user of their own. */
    static final Set<String> BACKEND_SERVICES = Set.of("alert-ingestion", "consultation", "notification");
    /** Every TCC Deployment: each rule of {@link #workloads} and {@link #deployment} holds for each of them. */
    static final Set<String> TCC_SERVICES = Set.of("alert-ingestion", "consultation", "notification", CONSOLE);
    /** The NetworkPolicy that denies everything not allowed to every TCC Deployment. */
    static final String DEFAULT_DENY = "tcc-services-default-deny";
    /**
     * The ways to set {@code tcc.trust.accept-repository-material} (alert-ingestion's RepositoryTrust): the kit's
     * variable, the property's own environment name, or the property itself (e.g. {@code -D} in JAVA_TOOL_OPTIONS).
     */
    static final Set<String> ACCEPT_REPOSITORY_MATERIAL = Set.of("TCC_ACCEPT_REPOSITORY_MATERIAL",
            "TCC_TRUST_ACCEPT_REPOSITORY_MATERIAL");
    /** What a ConfigMap may hold (the API server refuses more). */
    static final int CONFIG_MAP_LIMIT = 1024 * 1024;

    private Policies() {
    }

    /** Every workload rule over all objects of one overlay. */
    static List<String> workloads(Rendered r, boolean production) {
        List<String> out = new ArrayList<>();
        for (ObjectNode d : r.ofKind("Deployment")) {
            out.addAll(deployment(d, production));
            String name = Rendered.name(d);
            JsonNode labels = d.path("spec").path("selector").path("matchLabels");
            if (r.ofKind("PodDisruptionBudget").stream().noneMatch(p -> selects(p.path("spec").path("selector"), labels))) {
                out.add(Rendered.id(d) + ": no PodDisruptionBudget selects it");
            }
            if (r.ofKind("HorizontalPodAutoscaler").stream().noneMatch(h ->
                    name.equals(h.path("spec").path("scaleTargetRef").path("name").asText())
                            && h.path("spec").path("minReplicas").asInt() >= 2)) {
                out.add(Rendered.id(d) + ": no HorizontalPodAutoscaler with minReplicas >= 2 scales it");
            }
            if (production) {
                for (JsonNode from : d.findValues("envFrom")) {
                    for (JsonNode source : from) {
                        String ref = source.path("configMapRef").path("name").asText(null);
                        r.find("ConfigMap", ref == null ? "" : ref).ifPresent(cm -> cm.path("data").fieldNames()
                                .forEachRemaining(key -> {
                                    if (ACCEPT_REPOSITORY_MATERIAL.contains(key)) {
                                        out.add(Rendered.id(d) + ": sets " + key + " through ConfigMap " + ref
                                                + ": production never accepts the repository's trust material");
                                    }
                                }));
                    }
                }
            }
            JsonNode podLabels = d.path("spec").path("template").path("metadata").path("labels");
            if (r.find("NetworkPolicy", DEFAULT_DENY).filter(n -> selects(n.path("spec").path("podSelector"), podLabels))
                    .isEmpty()) {
                out.add(Rendered.id(d) + ": NetworkPolicy " + DEFAULT_DENY + " does not select it");
            }
            if (r.ofKind("NetworkPolicy").stream().noneMatch(n ->
                    selects(n.path("spec").path("podSelector"), d.path("spec").path("template").path("metadata").path("labels"))
                            && n.path("spec").has("ingress") && n.path("spec").has("egress"))) {
                out.add(Rendered.id(d) + ": no NetworkPolicy restricts its ingress and egress");
            }
        }
        return out;
    }

    static List<String> deployment(JsonNode d, boolean production) {
        List<String> out = new ArrayList<>();
        String id = Rendered.id(d);
        JsonNode spec = d.path("spec");
        if (spec.path("replicas").asInt(1) < 2) {
            out.add(id + ": spec.replicas < 2");
        }
        JsonNode pod = spec.path("template").path("spec");
        JsonNode podSec = pod.path("securityContext");
        if (!podSec.path("runAsNonRoot").asBoolean(false)) {
            out.add(id + ": spec.template.spec.securityContext.runAsNonRoot is not true");
        }
        if (!"RuntimeDefault".equals(podSec.path("seccompProfile").path("type").asText())) {
            out.add(id + ": seccompProfile is not RuntimeDefault");
        }
        if (!pod.path("topologySpreadConstraints").isArray() || pod.path("topologySpreadConstraints").isEmpty()) {
            out.add(id + ": no topologySpreadConstraints");
        }
        Set<String> emptyDirs = new HashSet<>();
        for (JsonNode v : pod.path("volumes")) {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asText());
            }
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        for (JsonNode c : containers) {
            String cid = id + " container " + c.path("name").asText();
            String image = c.path("image").asText();
            if (image.isEmpty() || image.endsWith(":latest") || (!image.contains("@") && !image.substring(
                    image.lastIndexOf('/') + 1).contains(":"))) {
                out.add(cid + ": image " + image + " has no fixed tag or digest");
            }
            if (production && !DIGEST.matcher(image).matches()) {
                out.add(cid + ": image " + image + " is not pinned by digest");
            }
            Set<String> variables = new HashSet<>();
            for (JsonNode e : c.path("env")) {
                if (!variables.add(e.path("name").asText())) {
                    out.add(cid + ": environment variable " + e.path("name").asText() + " set twice");
                }
                if (production && (ACCEPT_REPOSITORY_MATERIAL.contains(e.path("name").asText())
                        || e.path("value").asText().contains("accept-repository-material"))) {
                    out.add(cid + ": sets " + e.path("name").asText() + " to accept the repository's sensor keys"
                            + " and demo zones: production never does (only the local overlay)");
                }
            }
            JsonNode res = c.path("resources");
            for (String kind : List.of("requests", "limits")) {
                for (String what : List.of("cpu", "memory")) {
                    if (res.path(kind).path(what).asText().isEmpty()) {
                        out.add(cid + ": resources." + kind + "." + what + " not set");
                    }
                }
            }
            JsonNode sec = c.path("securityContext");
            if (sec.path("allowPrivilegeEscalation").asBoolean(true)) {
                out.add(cid + ": allowPrivilegeEscalation is not false");
            }
            if (!sec.path("readOnlyRootFilesystem").asBoolean(false)) {
                out.add(cid + ": readOnlyRootFilesystem is not true");
            }
            if (sec.path("privileged").asBoolean(false)) {
                out.add(cid + ": privileged");
            }
            boolean dropsAll = false;
            for (JsonNode cap : sec.path("capabilities").path("drop")) {
                dropsAll |= "ALL".equals(cap.asText());
            }
            if (!dropsAll || sec.path("capabilities").path("add").size() > 0) {
                out.add(cid + ": capabilities do not drop ALL (or add some)");
            }
            boolean tmp = false;
            for (JsonNode m : c.path("volumeMounts")) {
                tmp |= "/tmp".equals(m.path("mountPath").asText()) && emptyDirs.contains(m.path("name").asText());
            }
            if (!tmp) {
                out.add(cid + ": /tmp is not an emptyDir");
            }
        }
        for (JsonNode c : pod.path("containers")) {
            String cid = id + " container " + c.path("name").asText();
            int management = -1;
            for (JsonNode p : c.path("ports")) {
                if ("management".equals(p.path("name").asText())) {
                    management = p.path("containerPort").asInt();
                }
            }
            if (management < 0) {
                out.add(cid + ": no container port named management");
            } else if (!String.valueOf(management).equals(env(c, "TCC_MANAGEMENT_PORT"))) {
                out.add(cid + ": TCC_MANAGEMENT_PORT is not the management port " + management);
            }
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode get = c.path(probe).path("httpGet");
                if (get.isMissingNode()) {
                    out.add(cid + ": no " + probe);
                    continue;
                }
                if (!get.path("path").asText().startsWith("/q/health/")) {
                    out.add(cid + ": " + probe + " is not on /q/health/*");
                }
                if (!"management".equals(get.path("port").asText())) {
                    out.add(cid + ": " + probe + " is not on the management port");
                }
            }
        }
        return out;
    }

    /** Production renders no trust material (tcc-trust is made from the deployment's own keys and zones). */
    static List<String> configMaps(Rendered r, boolean production) {
        List<String> out = new ArrayList<>();
        for (ObjectNode cm : r.ofKind("ConfigMap")) {
            long size = 0;
            for (String part : List.of("data", "binaryData")) {
                for (JsonNode v : cm.path(part)) {
                    size += v.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
            }
            if (size > CONFIG_MAP_LIMIT) {
                out.add(Rendered.id(cm) + ": " + size + " bytes, more than a ConfigMap may hold (1 MiB)");
            }
            if (production && Rendered.name(cm).equals("tcc-trust")) {
                out.add(Rendered.id(cm) + ": rendered from the repository; in production it holds the deployment's"
                        + " own sensor keys and zones and is made outside the overlay");
            }
        }
        return out;
    }

    /**
     * Where the production realm may send a browser: every client's redirect URIs, post-logout redirect URIs, web
     * origins and root/base URLs are https and never a loopback address (the local realm's are http://localhost).
     */
    static List<String> realmRedirects(JsonNode realm) {
        List<String> out = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String id = "client " + client.path("clientId").asText();
            List<String> uris = new ArrayList<>();
            client.path("redirectUris").forEach(u -> uris.add(u.asText()));
            client.path("webOrigins").forEach(u -> {
                if (!u.asText().equals("+") && !u.asText().equals("-")) {
                    uris.add(u.asText());
                }
            });
            for (String field : List.of("rootUrl", "baseUrl", "adminUrl")) {
                if (!client.path(field).asText().isEmpty()) {
                    uris.add(client.path(field).asText());
                }
            }
            for (String u : client.path("attributes").path("post.logout.redirect.uris").asText().split("##")) {
                if (!u.isBlank() && !u.equals("+")) {
                    uris.add(u);
                }
            }
            for (String u : uris) {
                String lower = u.toLowerCase(java.util.Locale.ROOT);
                String host = lower.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
                if (!lower.startsWith("https://")) {
                    out.add(id + ": " + u + " is not https");
                }
                if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                        || host.startsWith("[::1]") || host.equals("0.0.0.0")) {
                    out.add(id + ": " + u + " is a loopback address");
                }
            }
        }
        return out;
    }

    /** The value of an environment variable set by value, or null. */
    static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.has("value") ? e.path("value").asText() : null;
            }
        }
        return null;
    }

    /** Whether a label selector (matchLabels, and matchExpressions with In, as TCC writes them) selects {@code labels}. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.has("matchLabels") || selector.has("matchExpressions")
                ? selector.path("matchLabels") : selector;
        JsonNode expressions = selector.path("matchExpressions");
        if (match.isEmpty() && expressions.isEmpty()) {
            return false;
        }
        for (JsonNode e : expressions) {
            Set<String> values = new HashSet<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            String value = labels.path(e.path("key").asText()).asText(null);
            if (!"In".equals(e.path("operator").asText()) || value == null || !values.contains(value)) {
                return false;
            }
        }
        var it = match.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** Names referenced by secretKeyRef/secret volumes of the Deployments, sorted. */
    static Set<String> referencedSecrets(Rendered r) {
        Set<String> names = new TreeSet<>();
        for (ObjectNode d : r.ofKind("Deployment")) {
            d.findValues("secretKeyRef").forEach(n -> names.add(n.path("name").asText()));
            d.findValues("secretName").forEach(n -> names.add(n.asText()));
        }
        return names;
    }
}
