package org.tcc.ingestion.domain;

/** A report larger than any genuine one (a sensor report with its track is a few KB): refused before parsing. */
public final class OversizedReport extends RuntimeException {

    public OversizedReport(int bytes, int limit) {
        super("oversized report: " + bytes + " bytes, more than the " + limit + " a report may have", null, false,
                false);
    }

    /** Refuses {@code payload} when it is longer than {@code limit} bytes. */
    public static void check(byte[] payload, int limit) {
        if (payload.length > limit) {
            throw new OversizedReport(payload.length, limit);
        }
    }
}
