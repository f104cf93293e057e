package org.tcc.notification.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcc.contracts.Country;

/**
 * One sentence of a notice before it is put into words: a bundle key and its named arguments ({@code {name}} in the
 * bundle). An argument is one of
 * <ul>
 *   <li>{@link String}: inserted exactly as it is (the alert's own headline, description and area, ids, numbers);</li>
 *   <li>{@link Term}: a word of the bundle, {@code <group>.<value>} (severity, alert type, chain step ...);</li>
 *   <li>{@link Country} or a {@link List} of countries: the countries' names in the bundle, joined;</li>
 *   <li>{@link Instant}: a date in the reader's language and their country's time zone;</li>
 *   <li>another {@code Message}: rendered first, then inserted.</li>
 * </ul>
 * A message with a null key is {@linkplain #verbatim verbatim} text.
 */
public record Message(String key, Map<String, Object> args) {

    public Message {
        args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** A word of the bundle: the value of key {@code group + "." + value}. */
    public record Term(String group, String value) {
    }

    /** {@code key} with arguments given as name, value, name, value ... (a null value is shown as the bundle's none). */
    public static Message of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name, value pairs");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Message(key, args);
    }

    /** Text shown as it is, in every language. */
    public static Message verbatim(String text) {
        return new Message(null, Map.of("text", text == null ? "" : text));
    }

    /** The bundle word for an enum constant: {@code term("severity", Severity.Extreme)} is key severity.Extreme. */
    public static Term term(String group, Enum<?> value) {
        return value == null ? null : new Term(group, value.name());
    }

    public static Term term(String group, String value) {
        return value == null ? null : new Term(group, value);
    }
}
