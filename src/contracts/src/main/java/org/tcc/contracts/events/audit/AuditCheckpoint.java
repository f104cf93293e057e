package org.tcc.contracts.events.audit;

import java.time.Instant;
import java.util.List;
import org.tcc.contracts.events.EventPayload;

/**
 * A signed checkpoint of the consultation audit chain: the hashes of entries {@code firstSeq..lastSeq} (in order,
 * {@code headHash} the last of them), as the chain held them when the service signed at {@code signedAt} with key
 * {@code keyId}. {@code signature} is a compact ES256 JWS with a detached payload over
 * {@link org.tcc.contracts.audit.Checkpoints#signingInput(AuditCheckpoint)}. Topic tcc.audit-checkpoints.v1,
 * key {@value #CHAIN}.
 */
public record AuditCheckpoint(long firstSeq, long lastSeq, String headHash, List<String> entryHashes,
                              Instant signedAt, String keyId, String signature) implements EventPayload {

    /** The Kafka key of every checkpoint: there is one chain. */
    public static final String CHAIN = "consultation-audit-log";

    public AuditCheckpoint {
        entryHashes = entryHashes == null ? null : List.copyOf(entryHashes);
    }

    @Override
    public String aggregateId() {
        return CHAIN;
    }

    /** The same checkpoint carrying {@code signature}. */
    public AuditCheckpoint signed(String signature) {
        return new AuditCheckpoint(firstSeq, lastSeq, headHash, entryHashes, signedAt, keyId, signature);
    }
}
