package org.tcc.kit.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service talks to Kafka only as its own principal, over TLS: at startup it checks that its Kafka settings name a
 * user, a password and the broker's trust anchor over {@code SASL_SSL}, and refuses to start otherwise, naming the
 * environment variables to set. (An empty variable expands to an empty user name, which would leave the service
 * running, unready and retrying logins, instead of stopping it with the reason.)
 */
@ApplicationScoped
public class KafkaIdentity {

    private static final Pattern USER = Pattern.compile("username=\"([^\"]*)\"");
    private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    void check(@Observes StartupEvent ignored) {
        List<String> missing = missing(kafka);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no Kafka identity: " + String.join(", ", missing) + " (set "
                    + "TCC_KAFKA_USER, TCC_KAFKA_PASSWORD and TCC_KAFKA_TRUSTSTORE to the service's own principal"
                    + " and the broker's trust anchor, see docs/operations.md)");
        }
    }

    /** What {@code config} (the clients' Kafka settings, without the {@code kafka.} prefix) lacks; empty if none. */
    public static List<String> missing(Map<String, ?> config) {
        List<String> missing = new ArrayList<>();
        if (!"SASL_SSL".equals(value(config, "security.protocol"))) {
            missing.add("security.protocol is not SASL_SSL");
        }
        String jaas = value(config, "sasl.jaas.config");
        if (blank(group(USER, jaas))) {
            missing.add("no user name (TCC_KAFKA_USER)");
        }
        if (blank(group(PASSWORD, jaas))) {
            missing.add("no password (TCC_KAFKA_PASSWORD)");
        }
        if (blank(value(config, "ssl.truststore.location")) && blank(value(config, "ssl.truststore.certificates"))) {
            missing.add("no trust anchor (TCC_KAFKA_TRUSTSTORE)");
        }
        return missing;
    }

    private static String value(Map<String, ?> config, String key) {
        Object value = config.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static String group(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
