package org.tcc.ingestion.rest.cap;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tcc.contracts.Country;

/**
 * The one form of releasability TCC reads from, and writes to, a CAP {@code <restriction>}:
 * {@code REL TO USA, KOR} — the words {@code REL TO}, then the ISO 3166-1 alpha-3 codes of participating
 * countries, upper case, separated by commas (blanks around the commas and at the ends do not matter).
 * Anything else (free text, other words, lower case, unknown codes, a code twice) is refused, never guessed:
 * releasability fails closed. The caller adds the check that the raising country is among them.
 */
public final class CapReleasability {

    public static final String FORM = "REL TO <codes>, e.g. REL TO USA, KOR (codes of "
            + Arrays.stream(Country.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")";

    private static final Pattern REL_TO = Pattern.compile("REL TO ([A-Z]{3}(?: *, *[A-Z]{3})*)");

    private CapReleasability() {
    }

    /** The countries a restriction releases to, or an {@link IllegalArgumentException} saying what is wrong. */
    public static Set<Country> parse(String restriction) {
        String text = restriction == null ? "" : restriction.strip();
        Matcher matcher = REL_TO.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be exactly " + FORM
                    + "; other wording is refused so that releasability is never guessed");
        }
        Set<Country> countries = EnumSet.noneOf(Country.class);
        for (String code : matcher.group(1).split(",")) {
            String trimmed = code.strip();
            Country country = Arrays.stream(Country.values()).filter(c -> c.name().equals(trimmed)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(trimmed + " is not a participating country ("
                            + FORM + ")"));
            if (!countries.add(country)) {
                throw new IllegalArgumentException(trimmed + " is named twice (" + FORM + ")");
            }
        }
        return countries;
    }

    /** The restriction for these countries, in the enum's order: {@code REL TO USA, KOR}. */
    public static String format(Collection<Country> countries) {
        return "REL TO " + EnumSet.copyOf(countries).stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
