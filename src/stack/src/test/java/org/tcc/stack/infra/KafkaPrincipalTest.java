package org.tcc.stack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Topics;

/**
 * Each service's ACLs are exactly what its channels need: the topics it consumes (in its own group), its outbox
 * topic and the dead-letter topics of its inputs. A channel added without its ACL (or an ACL left over) fails here,
 * not in production.
 */
class KafkaPrincipalTest {

    @Test
    void eachServiceMayDoWhatItsChannelsDoAndNothingElse() throws IOException {
        for (KafkaPrincipal service : Set.of(KafkaPrincipal.ALERT_INGESTION, KafkaPrincipal.CONSULTATION,
                KafkaPrincipal.NOTIFICATION)) {
            Properties config = new Properties();
            Path file = Path.of("..", service.user(), "src/main/resources/application.properties");
            try (Reader in = Files.newBufferedReader(file)) {
                config.load(in);
            }
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".dead-letter-queue.topic")) {
                    writes.add(config.getProperty(key));
                } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                    String topic = config.getProperty(key);
                    reads.add(topic);
                    writes.add(Topics.deadLetter(topic));
                }
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                    groups.add(config.getProperty(key));
                }
                if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic")) {
                    writes.add(config.getProperty(key));
                }
            }
            if (service == KafkaPrincipal.CONSULTATION) {
                // the outbox also routes the audit chain's checkpoints to their topic, which the service reads back
                reads.add(Topics.AUDIT_CHECKPOINTS);
                writes.add(Topics.AUDIT_CHECKPOINTS);
            }
            assertEquals(reads, granted(service, ResourceType.TOPIC, AclOperation.READ), service + " reads");
            assertEquals(writes, granted(service, ResourceType.TOPIC, AclOperation.WRITE), service + " writes");
            assertEquals(Set.of(service.user()), groups, service + " consumes in a group named after it");
            assertEquals(groups, granted(service, ResourceType.GROUP, AclOperation.READ), service + " groups");
        }
    }

    @Test
    void aFeedMayOnlyWriteTheFeedTopic() {
        for (KafkaPrincipal feed : Set.of(KafkaPrincipal.FEED_USA, KafkaPrincipal.FEED_KOR, KafkaPrincipal.FEED_JPN)) {
            assertEquals(1, feed.acls().size(), feed.acls().toString());
            AclBinding only = feed.acls().get(0);
            assertEquals(Topics.FEED_MISSILE_LAUNCH, only.pattern().name());
            assertEquals(PatternType.LITERAL, only.pattern().patternType());
            assertEquals(AclOperation.WRITE, only.entry().operation());
        }
    }

    @Test
    void onlyTheirPublishersWriteTheEventTopics() {
        for (KafkaPrincipal p : KafkaPrincipal.values()) {
            Set<String> writes = granted(p, ResourceType.TOPIC, AclOperation.WRITE);
            assertTrue(p == KafkaPrincipal.ALERT_INGESTION || p == KafkaPrincipal.TEST_HARNESS
                    || !writes.contains(Topics.ALERTS), p + " writes " + Topics.ALERTS);
            assertTrue(p == KafkaPrincipal.CONSULTATION || p == KafkaPrincipal.TEST_HARNESS
                    || !writes.contains(Topics.CONSULTATIONS), p + " writes " + Topics.CONSULTATIONS);
            assertTrue(p == KafkaPrincipal.NOTIFICATION || p == KafkaPrincipal.TEST_HARNESS
                    || !writes.contains(Topics.NOTIFICATIONS), p + " writes " + Topics.NOTIFICATIONS);
            for (AclBinding b : p.acls()) {
                assertTrue(b.entry().operation() != AclOperation.ALL
                        && b.pattern().resourceType() != ResourceType.CLUSTER && !b.pattern().name().equals("*"),
                        p + " holds a wide grant: " + b);
            }
        }
        assertTrue(!KafkaPrincipal.localStack().contains(KafkaPrincipal.TEST_HARNESS),
                "the test harness exists only on the test broker");
    }

    private static Set<String> granted(KafkaPrincipal p, ResourceType type, AclOperation op) {
        Set<String> names = new TreeSet<>();
        for (AclBinding b : p.acls()) {
            if (b.pattern().resourceType() == type && b.entry().operation() == op
                    && b.pattern().patternType() == PatternType.LITERAL) {
                names.add(b.pattern().name());
            }
        }
        return names;
    }
}
