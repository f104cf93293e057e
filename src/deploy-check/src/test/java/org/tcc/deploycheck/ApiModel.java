package org.tcc.deploycheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Kubernetes OpenAPI document) and Strimzi's API as its own model ({@code io.strimzi:api}, from which Strimzi
 * generates its CRDs). An object is read into its typed model (a wrong type, an unknown enum value or an unknown
 * polymorphic {@code type} fails there), then every field the model did not know (kept aside by the model in
 * {@code additionalProperties}) is reported with its path. Kinds of operators without a Java model here
 * (CloudNativePG, Keycloak, External Secrets, Barman Cloud) are only checked to be of a known group and version.
 */
final class ApiModel {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

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

    /** Kinds accepted without a model (their operators publish no Java model we can use here). */
    static final Set<String> UNMODELLED = Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore",
            "k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
            "external-secrets.io/v1/ExternalSecret", "monitoring.coreos.com/v1/PrometheusRule");

    private ApiModel() {
    }

    /** What is wrong with {@code object} against its API; empty when nothing. */
    static List<String> violations(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String id = Rendered.id(object);
        List<String> out = new ArrayList<>();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            if (!UNMODELLED.contains(type)) {
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
