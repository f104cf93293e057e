package org.tcc.consultation.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.AlertEvents;
import org.tcc.testsupport.DriverTrace;
import org.tcc.consultation.service.AuditLog;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.EventPayload;
import org.tcc.contracts.events.alert.Severity;

/**
 * Salvos of alert events (50 alerts, each raised then updated three times: 200 events) handed to the consumer as
 * one polled batch each; prints what the first cost the database and the later ones the consumer's CPU per event (no
 * figure asserted), and checks that every event took effect.
 */
@QuarkusTest
class AlertBatchCostTest {

    static final int ALERTS = 50;
    static final int VERSIONS = 4;

    @Inject
    AlertEventsConsumer consumer;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    TransactionCounter transactions;

    @Test
    void aBatchOf200AlertEventsConvenesAndAnnotatesEveryConsultation() {
        // the first salvo counts the statements (the driver's trace costs CPU itself), the later ones the CPU
        for (int salvo = 1; salvo <= 4; salvo++) {
            salvo(salvo, salvo == 1);
        }
    }

    private void salvo(int salvo, boolean traced) {
        List<String> alertIds = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            alertIds.add(UUID.randomUUID().toString());
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int version = 1; version <= VERSIONS; version++) {
            for (String alertId : alertIds) {
                if (version == 1) {
                    records.add(record(records.size(), EventType.ALERT_RAISED,
                            AlertEvents.raised(alertId, Severity.Extreme, List.of(Country.USA, Country.KOR,
                                    Country.JPN))));
                } else {
                    records.add(record(records.size(), EventType.ALERT_UPDATED,
                            AlertEvents.updated(alertId, version)));
                }
            }
        }

        int events = records.size();
        if (traced) {
            int[] begun = new int[1];
            DriverTrace.Cost cost = DriverTrace.of(() -> begun[0] = transactions.count(() -> deliver(records)));
            System.out.printf("consultation: %d alert events (%d alerts): %d statement executions (%.2f per event), "
                            + "%d round trips (%.2f per event), %d transactions%n", events, ALERTS,
                    cost.executions(), cost.executions() / (double) events, cost.roundTrips(),
                    cost.roundTrips() / (double) events, begun[0]);
        } else {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            deliver(records);
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("consultation: salvo %d, %d alert events: %.3f ms of consumer-thread CPU per event%n",
                    salvo, events, cpu / 1e6 / events);
        }

        List<UUID> ids = alertIds.stream().map(UUID::fromString).toList();
        long atNewest = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM consultation c JOIN consultation_alert a ON a.alert_id = c.alert_id "
                                + "WHERE c.alert_id = ANY(?1) AND a.alert_version = ?2")
                .setParameter(1, ids.toArray(UUID[]::new)).setParameter(2, (long) VERSIONS).getSingleResult())
                .longValue());
        assertEquals(ALERTS, atNewest, "one consultation per alert, at the alert's newest version");
        long entries = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM audit_entry a JOIN consultation c ON c.id = a.consultation_id "
                                + "WHERE c.alert_id = ANY(?1)")
                .setParameter(1, ids.toArray(UUID[]::new)).getSingleResult()).longValue());
        assertEquals((long) ALERTS * VERSIONS, entries, "a CONVENE and three ALERT_UPDATED entries per alert");
        assertTrue(audit.verify().intact());
    }

    /** Hands the records to the consumer as the connector would: one polled batch. */
    private void deliver(List<ConsumerRecord<String, byte[]>> records) {
        consumer.consume(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ALERTS, 0), records), Map.of()));
    }

    static ConsumerRecord<String, byte[]> record(long offset, EventType type, EventPayload payload) {
        return record(offset, type.ceType(), payload.aggregateId(), Json.toBytes(payload),
                UUID.randomUUID().toString());
    }

    static ConsumerRecord<String, byte[]> record(long offset, String ceType, String key, byte[] value,
                                                 String eventId) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(Topics.ALERTS, 0, offset, key, value);
        if (eventId != null) {
            r.headers().add(CloudEvents.HEADER_ID, eventId.getBytes(StandardCharsets.UTF_8));
        }
        r.headers().add(CloudEvents.HEADER_TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        r.headers().add(CloudEvents.HEADER_SOURCE, CloudEvents.SOURCE_ALERT_INGESTION.getBytes(StandardCharsets.UTF_8));
        r.headers().add(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
