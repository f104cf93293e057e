package org.tcc.ingestion.rest.cap;

import java.util.List;
import java.util.Set;
import org.tcc.contracts.Country;

/**
 * The parts of a CAP 1.2 {@code <alert>} that TCC reads, as {@link CapParser} checked them. {@code info()} is
 * the block TCC takes the alert's text from: the {@code en-US} one when there is one (a missing
 * {@code <language>} means {@code en-US} in CAP), otherwise the first. {@code releasableTo} is what scope and
 * restriction release the message to (all three countries for Public, the {@code REL TO} countries for
 * Restricted).
 */
public record CapMessage(String identifier, String sender, String sent, String status, String msgType,
                         String scope, String restriction, String addresses, List<Reference> references,
                         List<Info> infos, Set<Country> releasableTo) {

    public CapMessage {
        references = references == null ? List.of() : List.copyOf(references);
        infos = infos == null ? List.of() : List.copyOf(infos);
        releasableTo = releasableTo == null || releasableTo.isEmpty() ? Set.of() : Set.copyOf(releasableTo);
    }

    /**
     * One {@code <info>}. {@code areaDescs} are the {@code <areaDesc>} of its areas (whitespace folded);
     * {@code headline} and {@code description} are null when absent or blank.
     */
    public record Info(String language, List<String> categories, String event, String urgency, String severity,
                       String certainty, String headline, String description, List<String> areaDescs,
                       List<Code> eventCodes) {

        public Info {
            categories = List.copyOf(categories);
            areaDescs = List.copyOf(areaDescs);
            eventCodes = List.copyOf(eventCodes);
        }

        /** The areas in words, joined by "; " (null when the info names no area). */
        public String areaDesc() {
            return areaDescs.isEmpty() ? null : String.join("; ", areaDescs);
        }
    }

    public record Code(String valueName, String value) {
    }

    /** One entry of {@code <references>}: {@code sender,identifier,sent}. */
    public record Reference(String sender, String identifier, String sent) {
    }

    /** The info TCC reads (see the type's description), or null for a message without any. */
    public Info info() {
        return infos.stream().filter(i -> "en-US".equals(i.language())).findFirst()
                .orElse(infos.isEmpty() ? null : infos.get(0));
    }

    /** The identifier of the first message this one references, or null. */
    public String referencedIdentifier() {
        return references.isEmpty() ? null : references.get(0).identifier();
    }
}
