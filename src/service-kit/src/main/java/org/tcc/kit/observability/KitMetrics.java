package org.tcc.kit.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tcc.contracts.EventType;

/**
 * The business counters every service gets from the kit, counted where the kit sees them (names as Prometheus shows
 * them):
 * <ul>
 *   <li>{@code tcc_alerts_total{change}}: alert versions announced (raised, updated, acknowledged, cancelled,
 *       resolved), counted when the event is appended to the outbox;</li>
 *   <li>{@code tcc_consultation_events_total{type}}: consultation events appended, by type;</li>
 *   <li>{@code tcc_escalations_total{kind="consultation", step="level"}}: a consultation escalated to a higher level;</li>
 *   <li>{@code tcc_dead_letters_total{topic, reason}}: records moved to {@code <topic>.dlq}, by source topic and
 *       reason (its first words, so the label stays bounded).</li>
 * </ul>
 * An event appended in a transaction that then rolls back has been counted: the counters count attempts, which
 * the consumer's retry makes rare.
 */
@ApplicationScoped
public class KitMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<EventType, Counter> appended = new EnumMap<>(EventType.class);
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        for (EventType type : EventType.values()) {
            Counter counter = null;
            if (type.topic().equals(org.tcc.contracts.Topics.ALERTS)) {
                String change = type.typeName().substring("Alert".length()).toLowerCase(Locale.ROOT);
                counter = Counter.builder("tcc.alerts").tag("change", change)
                        .description("Alert versions announced, by change").register(registry);
            } else if (type == EventType.CONSULTATION_ESCALATED) {
                counter = Counter.builder("tcc.escalations").tag("kind", "consultation").tag("step", "level")
                        .description("Escalations: a consultation raised a level, a silent country's next duty "
                                + "officer notified").register(registry);
            }
            if (counter != null) {
                appended.put(type, counter);
            }
        }
    }

    /** An event of {@code type} was appended to the outbox. */
    public void appended(EventType type) {
        Counter counter = appended.get(type);
        if (counter != null) {
            counter.increment();
        }
        if (type.topic().equals(org.tcc.contracts.Topics.CONSULTATIONS)) {
            registry.counter("tcc.consultation.events", "type", type.typeName()).increment();
        }
    }

    /** A record of {@code topic} was dead-lettered for {@code reason}. */
    public void deadLettered(String topic, String reason) {
        String label = reasonLabel(reason);
        deadLetters.computeIfAbsent(topic + '\u0000' + label, k -> Counter.builder("tcc.dead.letters")
                .tag("topic", topic).tag("reason", label)
                .description("Records moved to <topic>.dlq, by source topic and reason").register(registry))
                .increment();
    }

    /**
     * A bounded label for a free-text reason: its text before the first {@code :} or quote, digits dropped, at most
     * 48 characters ("FORGED", "payload does not match schemas/alert.json", "unknown ce_type").
     */
    static String reasonLabel(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        String head = reason;
        for (char stop : new char[] {':', '\'', '"', '('}) {
            int at = head.indexOf(stop);
            if (at > 0) {
                head = head.substring(0, at);
            }
        }
        head = head.replaceAll("[0-9]+", "").replaceAll("\\s+", " ").strip();
        if (head.isEmpty()) {
            return "unknown";
        }
        return head.length() <= 48 ? head : head.substring(0, 48).strip();
    }
}
