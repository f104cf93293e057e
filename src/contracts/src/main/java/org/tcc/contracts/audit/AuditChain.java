package org.tcc.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The audit log's hash chain. Entry {@code n} stores {@code hash = SHA-256(canonical(n))} as lower-case hex, where
 * {@code canonical(n)} is the UTF-8 text of a JSON array of its content and the previous entry's hash:
 *
 * <pre>[seq, "at", "consultationId", "subject", "country", "action", "phaseBefore", "phaseAfter", "details", "prevHash"]</pre>
 *
 * {@code seq} a number, {@code at} ISO-8601 UTC with at most microseconds, absent values {@code null}, {@code details}
 * the stored JSON text as a string, no whitespace between tokens. The first entry's {@code prevHash} is 64 zeros.
 * Changing, removing or reordering any entry breaks the chain from there on.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The content of one entry, as hashed. */
    public record Entry(long seq, Instant at, String consultationId, String subject, String country, String action,
                        String phaseBefore, String phaseAfter, String details, String prevHash) {

        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(prevHash, "prevHash");
        }
    }

    /** Timestamps are stored with microsecond precision (PostgreSQL), so they are hashed that way too. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String canonical(Entry e) {
        List<Object> fields = java.util.Arrays.asList(e.seq(), DateTimeFormatter.ISO_INSTANT.format(truncate(e.at())),
                e.consultationId(), e.subject(), e.country(), e.action(), e.phaseBefore(), e.phaseAfter(), e.details(),
                e.prevHash());
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            Object value = fields.get(i);
            if (value == null) {
                json.append("null");
            } else if (value instanceof Long number) {
                json.append(number);
            } else {
                quote(value.toString(), json);
            }
        }
        return json.append(']').toString();
    }

    public static String hash(Entry e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /** Why {@code entry} (stored with {@code storedHash}) does not continue a chain whose last entry is given; null if it does. */
    public static String breakage(Entry entry, String storedHash, long previousSeq, String previousHash) {
        if (entry.seq() != previousSeq + 1) {
            return "sequence gap: expected entry " + (previousSeq + 1) + " but found " + entry.seq()
                    + " (entries removed)";
        }
        if (!entry.prevHash().equals(previousHash)) {
            return "previous-hash link broken: entry does not follow entry " + previousSeq
                    + " (an earlier entry was altered, removed or inserted)";
        }
        if (!hash(entry).equals(storedHash)) {
            return "hash mismatch: the entry's content was altered";
        }
        return null;
    }

    /** JSON string quoting (RFC 8259): quote, backslash and control characters escaped, everything else verbatim. */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
