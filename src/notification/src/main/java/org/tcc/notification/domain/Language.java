package org.tcc.notification.domain;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tcc.contracts.Country;

/**
 * The languages a notice is written in, as BCP 47 tags: one bundle {@code messages/notices_<tag>.properties} each.
 * A recipient without a chosen language reads their country's ({@link #defaultFor}); dates shown to a person are in
 * the time zone of the recipient's country ({@link #timeZoneOf}), whatever their language.
 */
public enum Language {
    EN("en", Locale.forLanguageTag("en-US")),
    KO("ko", Locale.forLanguageTag("ko-KR")),
    JA("ja", Locale.forLanguageTag("ja-JP"));

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The BCP 47 tag stored in the directory and carried in every payload ({@code en}, {@code ko}, {@code ja}). */
    public String tag() {
        return tag;
    }

    /** The locale dates and weekday names are formatted in. */
    public Locale locale() {
        return locale;
    }

    /** The tags, in declaration order: {@code en, ko, ja}. */
    public static List<String> tags() {
        return Arrays.stream(values()).map(Language::tag).toList();
    }

    /** The language of {@code tag} (BCP 47 tags are case-insensitive); empty for any other value. */
    public static Optional<Language> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip();
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(t)).findFirst();
    }

    /** USA: English, KOR: Korean, JPN: Japanese. */
    public static Language defaultFor(Country country) {
        if (country == null) {
            return EN;
        }
        return switch (country) {
            case KOR -> KO;
            case JPN -> JA;
            case USA -> EN;
        };
    }

    /**
     * The zone of the dates a recipient of {@code country} reads: USA America/New_York (the Washington liaison desk),
     * KOR Asia/Seoul, JPN Asia/Tokyo.
     */
    public static ZoneId timeZoneOf(Country country) {
        if (country == null) {
            return ZoneId.of("UTC");
        }
        return switch (country) {
            case KOR -> ZoneId.of("Asia/Seoul");
            case JPN -> ZoneId.of("Asia/Tokyo");
            case USA -> ZoneId.of("America/New_York");
        };
    }

    /**
     * The language of a live-stream subscriber: the one of their own directory entry, else the best match of the
     * request's {@code Accept-Language} among the supported ones, else their country's.
     */
    public static Language forSubscriber(Optional<Language> directory, String acceptLanguage, Country country) {
        if (directory.isPresent()) {
            return directory.get();
        }
        return negotiate(acceptLanguage).orElse(defaultFor(country));
    }

    /** The supported language {@code acceptLanguage} (an HTTP {@code Accept-Language} value) prefers, if any. */
    public static Optional<Language> negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // the ranges come sorted by weight; "*" matches nothing here: the country's language applies
        for (Locale.LanguageRange range : ranges) {
            String primary = range.getRange().split("-", 2)[0];
            Optional<Language> match = parse(primary);
            if (match.isPresent() && range.getWeight() > 0) {
                return match;
            }
        }
        return Optional.empty();
    }
}
