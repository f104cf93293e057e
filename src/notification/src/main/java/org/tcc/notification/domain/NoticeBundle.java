package org.tcc.notification.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one language: {@code messages/notices_<tag>.properties}, read as UTF-8 (a file that is not valid UTF-8
 * fails loudly instead of showing mojibake). Placeholders are named, {@code {alertId}}; no quoting rules apply, so an
 * apostrophe is just an apostrophe. Every bundle has the same keys and, per key, the same placeholders
 * ({@code NoticeBundlesTest}).
 */
public final class NoticeBundle {

    /** A placeholder: {@code {name}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private static final Map<Language, NoticeBundle> BUNDLES = new EnumMap<>(Language.class);

    private final Language language;
    private final Map<String, String> values;

    private NoticeBundle(Language language, Map<String, String> values) {
        this.language = language;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The resource path of {@code language}'s bundle. */
    public static String resource(Language language) {
        return "/messages/notices_" + language.tag() + ".properties";
    }

    public static synchronized NoticeBundle of(Language language) {
        return BUNDLES.computeIfAbsent(language, NoticeBundle::load);
    }

    public Language language() {
        return language;
    }

    /** Every key and its text. */
    public Map<String, String> values() {
        return values;
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The placeholder names of {@code text}, in order of first appearance. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static NoticeBundle load(Language language) {
        String path = resource(language);
        try (InputStream in = NoticeBundle.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("notice bundle " + path + " is missing");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            Properties p = new Properties();
            p.load(reader);
            Map<String, String> values = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            return new NoticeBundle(language, values);
        } catch (IOException e) {
            throw new UncheckedIOException("notice bundle " + path + " cannot be read as UTF-8", e);
        }
    }
}
