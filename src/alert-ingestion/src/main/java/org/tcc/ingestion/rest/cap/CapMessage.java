package org.tcc.ingestion.rest.cap;

import java.util.List;

/** The parts of a CAP 1.2 {@code <alert>} that TCC reads (first {@code <info>} block). */
public record CapMessage(String identifier, String sender, String sent, String status, String msgType,
                         String scope, String restriction, String addresses, String references, Info info) {

    public record Info(List<String> categories, String event, String urgency, String severity, String certainty,
                       String headline, String description, String areaDesc, List<Code> eventCodes) {
    }

    public record Code(String valueName, String value) {
    }

    /** The identifier of the first message this one references ({@code sender,identifier,sent ...}). */
    public String referencedIdentifier() {
        if (references == null || references.isBlank()) {
            return null;
        }
        String[] first = references.trim().split("\\s+")[0].split(",");
        return first.length >= 2 ? first[1] : null;
    }
}
