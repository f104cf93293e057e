package org.tcc.contracts.audit;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tcc.contracts.events.audit.AuditCheckpoint;

/**
 * Verifies the audit chain, entry by entry from the first, against itself (sequence, links, hashes) and against the
 * signed checkpoints (each anchored entry must still have the hash a checkpoint signed, and the chain must reach the
 * last anchored entry). One implementation for the service's {@code verify} and the auditors' offline
 * {@code ./tcc audit-verify}.
 *
 * <p>Checkpoints are taken in publication order (their position in the Kafka topic, or in a downloaded file):
 * when two genuine checkpoints cover the same entry, the earlier one is the authority (a later one can only have been
 * signed after the chain was changed behind the service's back). Checkpoints that are malformed, signed by an
 * untrusted key or whose signature fails are rejected and count for nothing.
 */
public final class ChainVerifier {

    /** A checkpoint named in a finding: its number (1-based, in publication order), range, head and time. */
    public record CheckpointRef(int number, long firstSeq, long lastSeq, String headHash, Instant signedAt,
                                String keyId) {

        @Override
        public String toString() {
            return "checkpoint #" + number + " (entries " + firstSeq + ".." + lastSeq + ", signed " + signedAt + ")";
        }
    }

    /** The first entry that breaks the chain, why, and the checkpoint it contradicts (null if none covers it). */
    public record Finding(long seq, String reason, CheckpointRef checkpoint) {
    }

    /**
     * The outcome: {@code anchoredSeq} the last entry vouched for by a checkpoint (0 when none),
     * {@code unanchoredEntries} those after it (not yet protected against a rewrite by the database owner).
     */
    public record Result(boolean intact, long entriesChecked, Long headSeq, String headHash, Finding firstBroken,
                         long anchoredSeq, long unanchoredEntries, int checkpointsChecked, int checkpointsRejected,
                         List<String> rejections) {
    }

    private record Anchor(CheckpointRef ref, List<String> hashes) {
        String hashOf(long seq) {
            return hashes.get((int) (seq - ref.firstSeq()));
        }
    }

    private final boolean selection;
    private final TreeMap<Long, Anchor> anchors = new TreeMap<>();
    private final List<String> rejections = new ArrayList<>();
    private int accepted;
    private long maxAnchored;
    private long previousSeq;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private long unanchoredSelected;
    private long lastAnchoredSelected;
    private Finding broken;

    /** {@code checkpoints} in publication order; {@code trusted} the checkpoint public keys by key id. */
    public ChainVerifier(List<AuditCheckpoint> checkpoints, Map<String, ECPublicKey> trusted) {
        this(checkpoints, trusted, false);
    }

    /**
     * A verifier of a selection of the log (an export filtered by consultation, country or time), entries in chain
     * order with gaps: each entry must hash to its stored hash, follow its predecessor where that is in the selection
     * too, and have the hash a checkpoint signed for it. What the selection leaves out cannot be judged: it proves
     * each entry genuine, not the selection complete.
     */
    public static ChainVerifier forSelection(List<AuditCheckpoint> checkpoints, Map<String, ECPublicKey> trusted) {
        return new ChainVerifier(checkpoints, trusted, true);
    }

    private ChainVerifier(List<AuditCheckpoint> checkpoints, Map<String, ECPublicKey> trusted, boolean selection) {
        this.selection = selection;
        int number = 0;
        for (AuditCheckpoint c : checkpoints) {
            number++;
            String rejection = Checkpoints.rejection(c, trusted);
            if (rejection != null) {
                rejections.add("checkpoint #" + number + ": " + rejection);
                continue;
            }
            accepted++;
            if (overlapsAnAnchor(c.firstSeq(), c.lastSeq())) {
                continue;
            }
            anchors.put(c.firstSeq(), new Anchor(new CheckpointRef(number, c.firstSeq(), c.lastSeq(), c.headHash(),
                    c.signedAt(), c.keyId()), c.entryHashes()));
            maxAnchored = Math.max(maxAnchored, c.lastSeq());
        }
    }

    private boolean overlapsAnAnchor(long first, long last) {
        Map.Entry<Long, Anchor> before = anchors.floorEntry(last);
        return before != null && before.getValue().ref().lastSeq() >= first;
    }

    private Anchor covering(long seq) {
        Map.Entry<Long, Anchor> e = anchors.floorEntry(seq);
        return e != null && e.getValue().ref().lastSeq() >= seq ? e.getValue() : null;
    }

    /** Checks the next entry (stored with {@code storedHash}); false once the chain is broken (stop feeding). */
    public boolean add(AuditChain.Entry entry, String storedHash) {
        if (broken != null) {
            return false;
        }
        if (selection) {
            return addSelected(entry, storedHash);
        }
        String internal = AuditChain.breakage(entry, storedHash, previousSeq, previousHash);
        if (internal != null) {
            long missing = entry.seq() > previousSeq + 1 ? previousSeq + 1 : entry.seq();
            Anchor anchor = covering(missing);
            broken = new Finding(entry.seq(), internal + (anchor == null ? "" : "; contradicts " + anchor.ref()),
                    anchor == null ? null : anchor.ref());
            return false;
        }
        Anchor anchor = covering(entry.seq());
        if (anchor != null && !anchor.hashOf(entry.seq()).equals(storedHash)) {
            broken = new Finding(entry.seq(), "rewritten: the entry's hash is not the one " + anchor.ref()
                    + " signed (the entry was changed, removed or moved and the later hashes recomputed)", anchor.ref());
            return false;
        }
        previousSeq = entry.seq();
        previousHash = storedHash;
        checked++;
        return true;
    }

    private boolean addSelected(AuditChain.Entry entry, String storedHash) {
        Anchor anchor = covering(entry.seq());
        String reason = null;
        if (entry.seq() <= previousSeq) {
            reason = "out of order: entry " + entry.seq() + " after entry " + previousSeq;
        } else if (entry.seq() == previousSeq + 1 && !entry.prevHash().equals(previousHash)) {
            reason = "previous-hash link broken: entry does not follow entry " + previousSeq;
        } else if (!AuditChain.hash(entry).equals(storedHash)) {
            reason = "hash mismatch: the entry's content was altered";
        } else if (anchor != null && !anchor.hashOf(entry.seq()).equals(storedHash)) {
            reason = "rewritten: the entry's hash is not the one " + anchor.ref() + " signed";
        }
        if (reason != null) {
            broken = new Finding(entry.seq(), reason + (anchor == null || reason.startsWith("rewritten") ? ""
                    : "; contradicts " + anchor.ref()), anchor == null ? null : anchor.ref());
            return false;
        }
        if (anchor == null) {
            unanchoredSelected++;
        } else {
            lastAnchoredSelected = entry.seq();
        }
        previousSeq = entry.seq();
        previousHash = storedHash;
        checked++;
        return true;
    }

    /** The verdict once every entry was fed (or the chain broke). */
    public Result finish() {
        if (selection) {
            List<String> rejected = List.copyOf(rejections);
            boolean intact = broken == null;
            return new Result(intact, checked, intact && checked > 0 ? previousSeq : null,
                    intact && checked > 0 ? previousHash : null, broken, lastAnchoredSelected,
                    intact ? unanchoredSelected : 0, accepted, rejected.size(), rejected);
        }
        if (broken == null && previousSeq < maxAnchored) {
            Anchor anchor = covering(previousSeq + 1);
            CheckpointRef ref = anchor != null ? anchor.ref() : anchors.floorEntry(maxAnchored).getValue().ref();
            broken = new Finding(previousSeq + 1, "missing: the chain ends at entry " + previousSeq + " but " + ref
                    + " vouches for entries up to " + maxAnchored + " (entries removed from the end)", ref);
        }
        List<String> rejected = List.copyOf(rejections);
        if (broken != null) {
            return new Result(false, checked, null, null, broken, Math.min(maxAnchored, previousSeq), 0, accepted,
                    rejected.size(), rejected);
        }
        long anchored = Math.min(maxAnchored, previousSeq);
        return new Result(true, checked, checked == 0 ? null : previousSeq, checked == 0 ? null : previousHash, null,
                anchored, previousSeq - anchored, accepted, rejected.size(), rejected);
    }
}
