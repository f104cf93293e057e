package org.tcc.stack.infra;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How one identity reaches the broker: SASL over TLS ({@code SASL_SSL}), the broker's certificate checked against
 * {@code truststore} (PEM) including its host name. Clients use SCRAM-SHA-512 on the client listener; only the
 * broker's own identity uses PLAIN, on the inter-broker listener.
 */
public record KafkaClient(String bootstrap, String mechanism, String user, String password, Path truststore) {

    public static final String SCRAM = "SCRAM-SHA-512";
    public static final String PLAIN = "PLAIN";

    /** A SCRAM client of the client listener. */
    public static KafkaClient scram(String bootstrap, String user, String password, Path truststore) {
        return new KafkaClient(bootstrap, SCRAM, user, password, truststore);
    }

    /** The JAAS line for this identity (also what the services build from their environment). */
    public String jaasConfig() {
        String module = mechanism.equals(PLAIN) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** The client settings: bootstrap, {@code SASL_SSL}, mechanism, credentials and trust. */
    public Properties properties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        props.put(SaslConfigs.SASL_MECHANISM, mechanism);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
        props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toAbsolutePath().toString());
        return props;
    }

    /** The same identity against another address (the same broker seen through another listener). */
    public KafkaClient at(String otherBootstrap) {
        return new KafkaClient(otherBootstrap, mechanism, user, password, truststore);
    }

    @Override
    public String toString() {
        return "KafkaClient[" + user + "@" + bootstrap + " " + mechanism + "]"; // never the password
    }
}
