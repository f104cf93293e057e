package org.tcc.consultation.rest;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.tcc.contracts.Json;

/**
 * The export formats: one JSON object per line, or RFC 4180 CSV with a header row, its cells neutralised against
 * spreadsheet formula injection.
 */
final class AuditExport {

    static final String CSV_HEADER =
            "seq,at,consultationId,subject,country,action,phaseBefore,phaseAfter,details,prevHash,hash";

    private AuditExport() {
    }

    /** An exported entry: the stored fields the chain hashes, as the offline verifier reads them (no {@code id}). */
    record Line(long seq, java.time.Instant at, String consultationId, String subject, String country, String action,
                String phaseBefore, String phaseAfter, String details, String prevHash, String hash) {
    }

    static String jsonLine(AuditEntryView e) {
        return new String(Json.toBytes(new Line(e.seq(), e.at(), e.consultationId(), e.subject(), e.country(),
                e.action(), e.phaseBefore(), e.phaseAfter(), e.details(), e.prevHash(), e.hash())),
                StandardCharsets.UTF_8);
    }

    static String csvRow(AuditEntryView e) {
        return Arrays.stream(new String[] {Long.toString(e.seq()), DateTimeFormatter.ISO_INSTANT.format(e.at()),
                        e.consultationId(), e.subject(), e.country(), e.action(), e.phaseBefore(), e.phaseAfter(),
                        e.details(), e.prevHash(), e.hash()})
                .map(AuditExport::csvField).collect(Collectors.joining(","));
    }

    /**
     * One CSV cell. A cell that a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a
     * carriage return: text a liaison typed) is prefixed with an apostrophe, so opening the export runs nothing.
     * The JSON Lines export carries every value exactly; it is the one to verify the chain from.
     */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
