package org.tcc.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final Instant AT = Instant.parse("2026-03-14T21:07:20.123456789Z");

    static AuditChain.Entry entry(long seq, String details, String prev) {
        return new AuditChain.Entry(seq, AT, "7b1d9e52-4f3a-4c8e-a6b2-91e0d3c5f7a8", "us-liaison", "USA", "JOIN",
                "CONVENING", "CONVENING", details, prev);
    }

    @Test
    void canonicalFormIsAFixedJsonArrayWithMicrosecondTimestamps() {
        assertEquals("[1,\"2026-03-14T21:07:20.123456Z\",\"7b1d9e52-4f3a-4c8e-a6b2-91e0d3c5f7a8\",\"us-liaison\","
                        + "\"USA\",\"JOIN\",\"CONVENING\",\"CONVENING\",\"{\\\"a\\\":\\\"x\\\\ny\\\"}\",\""
                        + AuditChain.GENESIS + "\"]",
                AuditChain.canonical(entry(1, "{\"a\":\"x\\ny\"}", AuditChain.GENESIS)));
        AuditChain.Entry system = new AuditChain.Entry(2, AT, null, "tcc-consultation", null, "ESCALATE", null,
                "CONVENING", "{}", "ab");
        assertTrue(AuditChain.canonical(system).startsWith("[2,\"2026-03-14T21:07:20.123456Z\",null,"));
    }

    @Test
    void hashIsSha256HexAndCoversContentAndPreviousHash() {
        String h = AuditChain.hash(entry(1, "{}", AuditChain.GENESIS));
        assertTrue(h.matches("[0-9a-f]{64}"));
        assertEquals(h, AuditChain.hash(entry(1, "{}", AuditChain.GENESIS)));
        assertNotEquals(h, AuditChain.hash(entry(1, "{ }", AuditChain.GENESIS)));
        assertNotEquals(h, AuditChain.hash(entry(1, "{}", "1".repeat(64))));
        assertNotEquals(h, AuditChain.hash(entry(2, "{}", AuditChain.GENESIS)));
    }

    @Test
    void breakageNamesWhatIsWrong() {
        AuditChain.Entry first = entry(1, "{}", AuditChain.GENESIS);
        String h1 = AuditChain.hash(first);
        assertNull(AuditChain.breakage(first, h1, 0, AuditChain.GENESIS));
        AuditChain.Entry second = entry(2, "{}", h1);
        String h2 = AuditChain.hash(second);
        assertNull(AuditChain.breakage(second, h2, 1, h1));
        assertTrue(AuditChain.breakage(entry(2, "{\"x\":1}", h1), h2, 1, h1).startsWith("hash mismatch"));
        assertTrue(AuditChain.breakage(second, h2, 1, "f".repeat(64)).startsWith("previous-hash link broken"));
        assertTrue(AuditChain.breakage(entry(3, "{}", h2), "x", 1, h1).startsWith("sequence gap"));
    }
}
