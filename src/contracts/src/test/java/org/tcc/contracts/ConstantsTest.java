package org.tcc.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstantsTest {

    @Test
    void countriesParseLeniently() {
        assertEquals(Optional.of(Country.KOR), Country.parse("kor"));
        assertEquals(Optional.of(Country.JPN), Country.parse(" Jpn "));
        assertEquals(Optional.of(Country.USA), Country.parse("USA"));
        assertEquals(Optional.empty(), Country.parse("PRK"));
        assertEquals(Optional.empty(), Country.parse(""));
        assertEquals(Optional.empty(), Country.parse(null));
    }

    @Test
    void topicsAndDeadLetters() {
        assertEquals("tcc.alerts.v1.dlq", Topics.deadLetter(Topics.ALERTS));
        assertEquals(4, Topics.ALL.size());
        assertEquals(8, Topics.ALL_WITH_DLQ.size());
        assertTrue(Topics.ALL_WITH_DLQ.containsAll(Topics.ALL));
        Topics.ALL.forEach(t -> assertTrue(Topics.ALL_WITH_DLQ.contains(t + ".dlq")));
        for (EventType type : EventType.values()) {
            assertTrue(Topics.ALL.contains(type.topic()) || type.topic().equals(Topics.AUDIT_CHECKPOINTS),
                    type.toString());
        }
    }

    @Test
    void ceTypesResolve() {
        assertEquals(Optional.of(EventType.ALERT_RAISED), EventType.fromCeType("org.tcc.alert.AlertRaised.v1"));
        assertEquals(Optional.of(EventType.MISSILE_LAUNCH_REPORTED),
                EventType.fromCeType("org.tcc.feed.MissileLaunchReported.v1"));
        assertEquals("schemas/DeliveryOutcome.v1.json", EventType.DELIVERY_OUTCOME.schemaPath());
        assertEquals(CloudEvents.SOURCE_CONSULTATION, EventType.PROPOSAL_SUBMITTED.source());
        assertEquals(Optional.empty(), EventType.fromCeType("org.tcc.alert.AlertRaised.v2"));
        assertEquals(Optional.empty(), EventType.fromCeType(null));
        assertEquals(Optional.of(EventType.AUDIT_CHECKPOINT), EventType.fromCeType("org.tcc.audit.AuditCheckpoint.v1"));
        assertEquals(CloudEvents.SOURCE_CONSULTATION, EventType.AUDIT_CHECKPOINT.source());
    }
}
