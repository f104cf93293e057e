package org.tcc.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.notification.domain.Language;
import org.tcc.notification.domain.Notice;
import org.tcc.notification.domain.NoticeRenderer;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.NotificationEntry;

/**
 * A stream entry as one reader receives it. The entry keeps the language-independent document (ids, codes, ISO-8601
 * times, the event as received) and its notice rendered in every language ({@code texts}); the document a channel
 * sends is that document with {@code language}, {@code title} and {@code text} of its reader inserted right after
 * {@code seq} and {@code country}. Entries written before languages carry their English title and text in the
 * payload and are sent as they are.
 */
public final class NoticeDocuments {

    private NoticeDocuments() {
    }

    /** The notice in every language for a recipient of {@code country}: the entry's {@code texts} JSON. */
    public record Texts(String json, String englishTitle) {
    }

    public static Texts texts(Notice notice, Country country) {
        ObjectNode all = Json.mapper().createObjectNode();
        Map<Language, NoticeRenderer.Rendered> rendered = NoticeRenderer.renderAll(notice, country);
        for (Map.Entry<Language, NoticeRenderer.Rendered> r : rendered.entrySet()) {
            ObjectNode one = all.putObject(r.getKey().tag());
            one.put("title", r.getValue().title());
            one.put("text", r.getValue().text());
        }
        return new Texts(all.toString(), rendered.get(Language.EN).title());
    }

    /** The language a delivery is written in (older rows: their country's language was not chosen yet, English). */
    public static Language languageOf(Delivery delivery) {
        return Language.parse(delivery.language).orElse(Language.EN);
    }

    /** Title and text of {@code entry} in {@code language}. */
    public static NoticeRenderer.Rendered rendered(NotificationEntry entry, Language language) {
        if (entry.texts == null) {
            JsonNode payload = read(entry.payload);
            return new NoticeRenderer.Rendered(entry.title, payload.path("text").asText(entry.title));
        }
        JsonNode one = read(entry.texts).path(language.tag());
        if (one.isMissingNode()) {
            one = read(entry.texts).path(Language.EN.tag());
        }
        return new NoticeRenderer.Rendered(one.path("title").asText(entry.title), one.path("text").asText(""));
    }

    /** The JSON document {@code entry} is sent as to a reader of {@code language} (built once per entry instance). */
    public static String document(NotificationEntry entry, Language language) {
        if (entry.texts == null) {
            return entry.payload;
        }
        String[] cache = entry.documents;
        if (cache == null) {
            cache = new String[Language.values().length];
            entry.documents = cache;
        }
        String document = cache[language.ordinal()];
        if (document == null) {
            document = build(entry, language);
            cache[language.ordinal()] = document;
        }
        return document;
    }

    private static String build(NotificationEntry entry, Language language) {
        NoticeRenderer.Rendered words = rendered(entry, language);
        ObjectNode inserted = Json.mapper().createObjectNode();
        inserted.put("language", language.tag());
        inserted.put("title", words.title());
        inserted.put("text", words.text());
        String fields = inserted.toString();
        fields = fields.substring(1, fields.length() - 1);
        String head = NotificationPlanner.head(entry.seq, entry.country);
        if (entry.payload.startsWith(head)) {
            return head + fields + "," + entry.payload.substring(head.length());
        }
        return "{" + fields + "," + entry.payload.substring(1);
    }

    private static JsonNode read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }
}
