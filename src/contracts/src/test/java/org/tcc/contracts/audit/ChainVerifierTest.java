package org.tcc.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.audit.AuditCheckpoint;

/** The chain against its signed checkpoints: every way of rewriting it behind the service's back is named. */
class ChainVerifierTest {

    static final EcKeys.SigningKey KEY = EcKeys.generate();
    static final Map<String, ECPublicKey> TRUSTED = Map.of(KEY.keyId(), KEY.publicKey());
    static final Instant AT = Instant.parse("2026-03-14T21:07:20.123456Z");

    /** An entry as stored: content and its hash. */
    record Stored(AuditChain.Entry entry, String hash) {
    }

    /** A chain of {@code details}, hashed and linked from the genesis. */
    static List<Stored> chain(List<String> details) {
        List<Stored> chain = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 0; i < details.size(); i++) {
            AuditChain.Entry e = new AuditChain.Entry(i + 1, AT.plusSeconds(i), null, "us-liaison", "USA", "JOIN",
                    null, null, details.get(i), prev);
            String hash = AuditChain.hash(e);
            chain.add(new Stored(e, hash));
            prev = hash;
        }
        return chain;
    }

    static List<String> details(int n) {
        List<String> d = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            d.add("{\"n\":" + i + "}");
        }
        return d;
    }

    static AuditCheckpoint checkpoint(List<Stored> chain, int first, int last, EcKeys.SigningKey key) {
        return Checkpoints.sign(first, chain.subList(first - 1, last).stream().map(Stored::hash).toList(),
                AT.plusSeconds(last), key);
    }

    static ChainVerifier.Result verify(List<Stored> chain, List<AuditCheckpoint> checkpoints) {
        ChainVerifier verifier = new ChainVerifier(checkpoints, TRUSTED);
        for (Stored s : chain) {
            if (!verifier.add(s.entry(), s.hash())) {
                break;
            }
        }
        return verifier.finish();
    }

    final List<Stored> original = chain(details(10));
    final List<AuditCheckpoint> checkpoints = List.of(checkpoint(original, 1, 5, KEY), checkpoint(original, 6, 10, KEY));

    @Test
    void anIntactChainIsAnchoredUpToItsLastCheckpoint() {
        ChainVerifier.Result r = verify(original, checkpoints);
        assertTrue(r.intact());
        assertEquals(10, r.entriesChecked());
        assertEquals(10L, r.headSeq());
        assertEquals(original.get(9).hash(), r.headHash());
        assertEquals(10, r.anchoredSeq());
        assertEquals(0, r.unanchoredEntries());
        assertEquals(2, r.checkpointsChecked());
        assertEquals(0, r.checkpointsRejected());

        List<Stored> longer = chain(details(12));
        ChainVerifier.Result later = verify(longer, checkpoints);
        assertTrue(later.intact());
        assertEquals(2, later.unanchoredEntries(), "entries after the last checkpoint are not yet anchored");
    }

    @Test
    void anEditedEntryWithEveryLaterHashRecomputedIsNamedWithTheCheckpointItContradicts() {
        List<String> d = details(10);
        d.set(2, "{\"n\":3,\"position\":\"rewritten\"}");
        ChainVerifier.Result r = verify(chain(d), checkpoints);
        assertFalse(r.intact());
        assertEquals(3, r.firstBroken().seq());
        assertTrue(r.firstBroken().reason().startsWith("rewritten"), r.firstBroken().reason());
        assertEquals(1, r.firstBroken().checkpoint().number());
        assertEquals(5, r.firstBroken().checkpoint().lastSeq());
        assertEquals(2, r.entriesChecked());
        assertNull(r.headSeq());
    }

    @Test
    void aDeletedTailIsMissingEntriesTheLastCheckpointVouchesFor() {
        ChainVerifier.Result r = verify(original.subList(0, 8), checkpoints);
        assertFalse(r.intact());
        assertEquals(9, r.firstBroken().seq());
        assertTrue(r.firstBroken().reason().startsWith("missing"), r.firstBroken().reason());
        assertEquals(2, r.firstBroken().checkpoint().number());

        ChainVerifier.Result empty = verify(List.of(), checkpoints);
        assertEquals(1, empty.firstBroken().seq());
        assertEquals(1, empty.firstBroken().checkpoint().number());
    }

    @Test
    void reorderedEntriesRenumberedAndRehashedAreFound() {
        List<String> d = details(10);
        d.set(3, "{\"n\":5}");
        d.set(4, "{\"n\":4}");
        ChainVerifier.Result r = verify(chain(d), checkpoints);
        assertEquals(4, r.firstBroken().seq());
        assertEquals(1, r.firstBroken().checkpoint().number());
    }

    @Test
    void aFullRewriteIsFoundAtTheFirstEntry() {
        List<String> d = details(10);
        d.set(0, "{\"n\":1,\"who\":\"mallory\"}");
        ChainVerifier.Result r = verify(chain(d), checkpoints);
        assertEquals(1, r.firstBroken().seq());
        assertEquals(0, r.entriesChecked());
    }

    @Test
    void breaksInsideTheChainStillNameTheirCheckpoint() {
        List<Stored> gap = new ArrayList<>(original);
        gap.remove(6);
        ChainVerifier.Result r = verify(gap, checkpoints);
        assertEquals(8, r.firstBroken().seq());
        assertTrue(r.firstBroken().reason().startsWith("sequence gap"), r.firstBroken().reason());
        assertEquals(2, r.firstBroken().checkpoint().number());
    }

    @Test
    void forgedAndTamperedCheckpointsAreRejectedAndAnchorNothing() {
        EcKeys.SigningKey mallory = EcKeys.generate();
        List<String> d = details(10);
        d.set(6, "{\"n\":7,\"who\":\"mallory\"}");
        List<Stored> rewritten = chain(d);
        AuditCheckpoint forged = checkpoint(rewritten, 6, 10, mallory);
        AuditCheckpoint real = checkpoints.get(1);
        List<String> hashes = new ArrayList<>(real.entryHashes());
        hashes.set(1, rewritten.get(6).hash());
        AuditCheckpoint edited = new AuditCheckpoint(real.firstSeq(), real.lastSeq(), real.headHash(), hashes,
                real.signedAt(), real.keyId(), real.signature());

        ChainVerifier.Result r = verify(rewritten, List.of(checkpoints.get(0), forged, edited));
        assertTrue(r.intact(), "nothing genuine vouches for entries 6..10");
        assertEquals(5, r.anchoredSeq());
        assertEquals(5, r.unanchoredEntries());
        assertEquals(2, r.checkpointsRejected());
        assertTrue(r.rejections().get(0).contains("not a trusted checkpoint key"), r.rejections().toString());
        assertTrue(r.rejections().get(1).contains("does not verify"), r.rejections().toString());
    }

    @Test
    void theEarliestGenuineCheckpointIsTheAuthority() {
        List<String> d = details(10);
        d.set(7, "{\"n\":8,\"who\":\"mallory\"}");
        List<Stored> rewritten = chain(d);
        // signed later by the service itself, over the rewritten chain (its own bookkeeping was tampered with)
        AuditCheckpoint later = checkpoint(rewritten, 6, 10, KEY);
        ChainVerifier.Result r = verify(rewritten, List.of(checkpoints.get(0), checkpoints.get(1), later));
        assertEquals(8, r.firstBroken().seq());
        assertEquals(2, r.firstBroken().checkpoint().number());
        assertEquals(3, r.checkpointsChecked());
    }

    @Test
    void aSelectionOfTheLogIsCheckedEntryByEntryAgainstTheCheckpoints() {
        ChainVerifier intact = ChainVerifier.forSelection(checkpoints, TRUSTED);
        for (int i : new int[] {1, 3, 4, 8}) {
            assertTrue(intact.add(original.get(i).entry(), original.get(i).hash()));
        }
        ChainVerifier.Result r = intact.finish();
        assertTrue(r.intact());
        assertEquals(4, r.entriesChecked());
        assertEquals(0, r.unanchoredEntries());

        List<String> d = details(12);
        d.set(3, "{\"n\":4,\"who\":\"mallory\"}");
        List<Stored> rewritten = chain(d);
        ChainVerifier selection = ChainVerifier.forSelection(checkpoints, TRUSTED);
        assertTrue(selection.add(rewritten.get(1).entry(), rewritten.get(1).hash()));
        assertFalse(selection.add(rewritten.get(3).entry(), rewritten.get(3).hash()));
        ChainVerifier.Result broken = selection.finish();
        assertEquals(4, broken.firstBroken().seq());
        assertTrue(broken.firstBroken().reason().startsWith("rewritten"), broken.firstBroken().reason());
        assertEquals(1, broken.firstBroken().checkpoint().number());

        ChainVerifier newest = ChainVerifier.forSelection(checkpoints, TRUSTED);
        List<Stored> longer = chain(details(12));
        assertTrue(newest.add(longer.get(11).entry(), longer.get(11).hash()));
        assertEquals(1, newest.finish().unanchoredEntries(), "entry 12 has no checkpoint yet");

        AuditChain.Entry e = original.get(2).entry();
        ChainVerifier edited = ChainVerifier.forSelection(checkpoints, TRUSTED);
        assertFalse(edited.add(new AuditChain.Entry(e.seq(), e.at(), null, "mallory", "USA", "JOIN", null, null,
                e.details(), e.prevHash()), original.get(2).hash()));
        assertTrue(edited.finish().firstBroken().reason().startsWith("hash mismatch"));
    }

    @Test
    void checkpointsAreEventsOfTheirSchemaAndKeysRoundTripAsJwk() {
        AuditCheckpoint c = checkpoints.get(0);
        assertEquals(List.of(), SchemaValidation.validate(EventType.AUDIT_CHECKPOINT, Json.toBytes(c)));
        AuditCheckpoint read = Json.read(Json.toBytes(c), AuditCheckpoint.class);
        assertEquals(c, read);
        assertNull(Checkpoints.rejection(read, TRUSTED));

        EcKeys.SigningKey reread = EcKeys.readSigningKey(EcKeys.privateJwk(KEY));
        assertEquals(KEY.keyId(), reread.keyId());
        ECPublicKey pub = EcKeys.readPublicKey(EcKeys.publicJwk(KEY.publicKey()));
        assertEquals(KEY.keyId(), EcKeys.thumbprint(pub));
        assertFalse(EcKeys.publicJwk(pub).contains("\"d\""));
        AuditCheckpoint byReread = Checkpoints.sign(1, List.of(original.get(0).hash()), AT, reread);
        assertNull(Checkpoints.rejection(byReread, Map.of(KEY.keyId(), pub)));
        assertNotNull(Checkpoints.rejection(byReread, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EcKeys.readSigningKey(EcKeys.publicJwk(pub)));
    }
}
