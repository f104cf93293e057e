package org.tcc.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.tcc.contracts.Country;

/**
 * Puts a {@link Notice} into one language for a recipient of one country: every sentence from the language's bundle,
 * the alert's own words (and ids, versions, counts) exactly as they came, dates in the bundle's {@code format.dateTime}
 * pattern, the language's locale and the time zone of the recipient's country ({@link Language#timeZoneOf}).
 * Practice traffic gets the bundle's label before the title and its disclaimer before the text.
 */
public final class NoticeRenderer {

    /** A notice in words: the title (e-mail subject) and the text. */
    public record Rendered(String title, String text) {
    }

    private NoticeRenderer() {
    }

    public static Rendered render(Notice notice, Language language, Country recipientCountry) {
        Words words = new Words(NoticeBundle.of(language), Language.timeZoneOf(recipientCountry));
        String title = words.message(notice.title());
        StringBuilder text = new StringBuilder();
        if (Notice.isPractice(notice.trafficStatus())) {
            String status = notice.trafficStatus().name();
            title = words.text("label." + status) + " " + title;
            text.append(words.text("disclaimer." + status)).append("\n\n");
        }
        for (Message line : notice.lines()) {
            text.append(words.message(line)).append('\n');
        }
        return new Rendered(title, text.toString());
    }

    /** Every language's rendering, in {@link Language} order. */
    public static Map<Language, Rendered> renderAll(Notice notice, Country recipientCountry) {
        Map<Language, Rendered> all = new java.util.EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            all.put(language, render(notice, language, recipientCountry));
        }
        return all;
    }

    private static final class Words {
        private final NoticeBundle bundle;
        private final NoticeBundle fallback;
        private final DateTimeFormatter dates;

        Words(NoticeBundle bundle, ZoneId zone) {
            this.bundle = bundle;
            this.fallback = NoticeBundle.of(Language.EN);
            this.dates = DateTimeFormatter.ofPattern(text("format.dateTime"), bundle.language().locale())
                    .withZone(zone);
        }

        /** The key's text; a key missing in a bundle (the bundle test forbids it) falls back to English, then itself. */
        String text(String key) {
            return bundle.find(key).or(() -> fallback.find(key)).orElse(key);
        }

        String message(Message m) {
            if (m.key() == null) {
                return String.valueOf(m.args().get("text"));
            }
            String pattern = text(m.key());
            Matcher matcher = NoticeBundle.PLACEHOLDER.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = m.args().containsKey(name) ? value(m.args().get(name)) : matcher.group();
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        String value(Object arg) {
            if (arg == null) {
                return text("value.none");
            }
            if (arg instanceof String s) {
                return s;
            }
            if (arg instanceof Message nested) {
                return message(nested);
            }
            if (arg instanceof Message.Term t) {
                // a value the bundles do not know yet (a newer contract) is shown as it came
                return bundle.find(t.group() + "." + t.value()).or(() -> fallback.find(t.group() + "." + t.value()))
                        .orElse(t.value());
            }
            if (arg instanceof Country c) {
                return text("country." + c.name());
            }
            if (arg instanceof Instant i) {
                return dates.format(i);
            }
            if (arg instanceof List<?> list) {
                if (list.isEmpty()) {
                    return text("value.none");
                }
                List<String> parts = new ArrayList<>(list.size());
                for (Object o : list) {
                    parts.add(value(o));
                }
                return String.join(text("list.separator"), parts);
            }
            return String.valueOf(arg);
        }
    }
}
