package org.tcc.deploycheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each object against the API it claims: the Kubernetes API as fabric8's model (the types generated from the
 * Kubernetes OpenAPI document), Strimzi's API as its own model ({@code io.strimzi:api}, from which Strimzi
 * generates its CRDs), and the other operators' kinds against their CRD schemas ({@link CrdSchemas}). An object is
 * read into its typed model (a wrong type, a string where a number or boolean belongs, an unknown enum value or an
 * unknown polymorphic {@code type} fails there), then every field the model did not know (kept aside by the model in
 * {@code additionalProperties}) is reported with its path. The kinds in {@link #OWN_RULES_ONLY} have no schema here
 * (none is published where this build can fetch it: src/test/resources/crds/SOURCES.md) and are checked by TCC's
 * own rules only.
 */
final class ApiModel {

    private static final ObjectMapper MAPPER = strict(new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));

    /** apiVersion + "/" + kind -> the model class. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /**
     * Kinds without a model or CRD schema here, checked by TCC's own rules only (DeployCheckTest). A kind whose CRD
     * schema is added to src/test/resources/crds leaves this list (CrdSchemasTest checks that).
     */
    static final Set<String> OWN_RULES_ONLY = Set.of(
            "k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
            "external-secrets.io/v1/ExternalSecret");

    private ApiModel() {
    }

    /** What is wrong with {@code object} against its API; empty when nothing. */
    static List<String> violations(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String id = Rendered.id(object);
        List<String> out = new ArrayList<>();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            if (CrdSchemas.has(type)) {
                return CrdSchemas.violations(object);
            }
            if (!OWN_RULES_ONLY.contains(type)) {
                out.add(id + ": unknown API " + type);
            }
            return out;
        }
        Object typed;
        try {
            typed = MAPPER.treeToValue(object, model);
        } catch (Exception e) {
            out.add(id + ": not a valid " + type + ": " + e.getMessage().lines().findFirst().orElse(""));
            return out;
        }
        walk(typed, "", id, out, new IdentityHashMap<>());
        return out;
    }

    /**
     * As the API server reads JSON: a number, boolean or string only where the schema says so (Jackson would
     * otherwise turn {@code "5"} into 5, 5 into {@code "5"} and 1.5 into 1).
     */
    private static ObjectMapper strict(ObjectMapper mapper) {
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        return mapper;
    }

    private static void walk(Object value, String path, String id, List<String> out, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, id, out, seen));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object v : list) {
                walk(v, path + "[" + i++ + "]", id, out, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class || !m.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    for (Object key : extra.keySet()) {
                        out.add(id + ": unknown field " + (path.isEmpty() ? "" : path.substring(1) + ".") + key);
                    }
                }
                continue;
            }
            String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            walk(child, path + "." + field, id, out, seen);
        }
    }
}
