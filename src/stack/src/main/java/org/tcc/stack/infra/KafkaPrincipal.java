package org.tcc.stack.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.tcc.contracts.Topics;

/**
 * Every Kafka identity of TCC and what it may do: the one place that defines the principals (SCRAM users) and their
 * ACLs, used by the test broker, the local stack and any deployment that generates its users from it. The broker
 * runs {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}: what is not granted here is
 * refused. Writing a topic implies describing it and, since Kafka 3, idempotent production (KIP-679); reading one
 * implies describing it; a consumer group needs READ on the group to join it and commit offsets.
 */
public enum KafkaPrincipal {

    /** Reads the sensor feed, publishes alert events, dead-letters bad reports. */
    ALERT_INGESTION("alert-ingestion", Grants.of()
            .read(Topics.FEED_MISSILE_LAUNCH).group("alert-ingestion")
            .write(Topics.ALERTS).write(Topics.deadLetter(Topics.FEED_MISSILE_LAUNCH))),
    /**
     * Reads alert events, publishes consultation events, dead-letters bad alert events; publishes the audit chain's
     * signed checkpoints and reads them back (no group: the whole topic, to verify the chain).
     */
    CONSULTATION("consultation", Grants.of()
            .read(Topics.ALERTS).group("consultation")
            .write(Topics.CONSULTATIONS).write(Topics.deadLetter(Topics.ALERTS))
            .write(Topics.AUDIT_CHECKPOINTS).read(Topics.AUDIT_CHECKPOINTS)),
    /** Reads alert and consultation events, publishes delivery outcomes, dead-letters bad input events. */
    NOTIFICATION("notification", Grants.of()
            .read(Topics.ALERTS).read(Topics.CONSULTATIONS).group("notification")
            .write(Topics.NOTIFICATIONS).write(Topics.deadLetter(Topics.ALERTS))
            .write(Topics.deadLetter(Topics.CONSULTATIONS))),

    /** The United States' sensor feed: writes signed reports to the feed topic, nothing else. */
    FEED_USA("feed-usa", Grants.of().write(Topics.FEED_MISSILE_LAUNCH)),
    /** The Republic of Korea's sensor feed. */
    FEED_KOR("feed-kor", Grants.of().write(Topics.FEED_MISSILE_LAUNCH)),
    /** Japan's sensor feed. */
    FEED_JPN("feed-jpn", Grants.of().write(Topics.FEED_MISSILE_LAUNCH)),

    /**
     * {@code ./tcc bench}: feeds reports, watches the alert events (groups {@code bench*}), and runs the bare-Kafka
     * baseline on topics of its own ({@code tcc.bench.*}, which it creates), over the same secured listener.
     */
    BENCH("bench", Grants.of()
            .write(Topics.FEED_MISSILE_LAUNCH).read(Topics.ALERTS).groupPrefix("bench")
            .topicPrefix("tcc.bench.", AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE)),
    /**
     * {@code ./tcc drill}: feeds reports (good and bad), watches the alert events and the dead-letter topics it
     * verifies (groups {@code drill*}), and waits for every TCC topic to have a leader after a broker restart.
     */
    DRILL("drill", Grants.of()
            .write(Topics.FEED_MISSILE_LAUNCH).read(Topics.ALERTS)
            .read(Topics.deadLetter(Topics.FEED_MISSILE_LAUNCH)).read(Topics.deadLetter(Topics.ALERTS))
            .read(Topics.deadLetter(Topics.CONSULTATIONS)).groupPrefix("drill")
            .describe(Topics.ALL_WITH_DLQ)),
    /** {@code ./tcc demo}: publishes signed radar reports; everything else goes through the REST APIs. */
    DEMO("demo", Grants.of().write(Topics.FEED_MISSILE_LAUNCH)),

    /**
     * Tests only (never provisioned by the local stack): injects arbitrary records into, and observes, every TCC
     * topic and dead-letter topic, with throw-away groups {@code probe-*}.
     */
    TEST_HARNESS("test-harness", Grants.of()
            .read(Topics.ALL_WITH_DLQ).write(Topics.ALL_WITH_DLQ)
            .read(Topics.AUDIT_CHECKPOINTS).write(Topics.AUDIT_CHECKPOINTS).groupPrefix("probe-"));

    /** The broker's own identity (inter-broker and controller listeners, PLAIN over TLS): the only super user. */
    public static final String BROKER = "broker";

    private final String user;
    private final Grants grants;

    KafkaPrincipal(String user, Grants grants) {
        this.user = user;
        this.grants = grants;
    }

    /** The SCRAM user name, e.g. {@code alert-ingestion}. */
    public String user() {
        return user;
    }

    /** {@code User:<name>}, as the authorizer sees it. */
    public String principal() {
        return "User:" + user;
    }

    /** The ACLs that let this principal do its job, and nothing more. */
    public List<AclBinding> acls() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant g : grants.list) {
            bindings.add(new AclBinding(new ResourcePattern(g.type(), g.name(), g.pattern()),
                    new AccessControlEntry(principal(), "*", g.operation(), AclPermissionType.ALLOW)));
        }
        return bindings;
    }

    /** The principal of a service or tool by its name ({@code notification}, {@code feed-kor}, ...). */
    public static KafkaPrincipal of(String user) {
        return Arrays.stream(values()).filter(p -> p.user.equals(user)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka principal " + user));
    }

    /** What the local stack provisions: everyone but the test harness. */
    public static List<KafkaPrincipal> localStack() {
        return Arrays.stream(values()).filter(p -> p != TEST_HARNESS).toList();
    }

    /** The ACLs of {@code principals}. */
    public static List<AclBinding> acls(List<KafkaPrincipal> principals) {
        return principals.stream().flatMap(p -> p.acls().stream()).toList();
    }

    private record Grant(ResourceType type, String name, PatternType pattern, AclOperation operation) {
    }

    /** A small builder for one principal's grants. */
    private static final class Grants {
        private final List<Grant> list = new ArrayList<>();

        static Grants of() {
            return new Grants();
        }

        Grants read(String topic) {
            list.add(new Grant(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            return this;
        }

        Grants read(List<String> topics) {
            topics.forEach(this::read);
            return this;
        }

        Grants write(String topic) {
            list.add(new Grant(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            return this;
        }

        Grants write(List<String> topics) {
            topics.forEach(this::write);
            return this;
        }

        Grants describe(List<String> topics) {
            topics.forEach(t -> list.add(new Grant(ResourceType.TOPIC, t, PatternType.LITERAL,
                    AclOperation.DESCRIBE)));
            return this;
        }

        Grants group(String group) {
            list.add(new Grant(ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ));
            return this;
        }

        Grants groupPrefix(String prefix) {
            list.add(new Grant(ResourceType.GROUP, prefix, PatternType.PREFIXED, AclOperation.READ));
            return this;
        }

        Grants topicPrefix(String prefix, AclOperation... operations) {
            for (AclOperation op : operations) {
                list.add(new Grant(ResourceType.TOPIC, prefix, PatternType.PREFIXED, op));
            }
            return this;
        }
    }
}
