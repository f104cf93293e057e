package org.tcc.console.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every screen speaks all three languages: for each {@code i18n/<screen>.<lang>.json} the same keys exist in en, ko
 * and ja, no text is blank, each text uses the same {placeholders} as the English one, and every key a screen's code
 * asks for ({@code t('screen.key')}) exists.
 */
class I18nBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources/META-INF/resources");
    static final Path BUNDLES = RESOURCES.resolve("i18n");
    static final List<String> LANGUAGES = List.of("en", "ko", "ja");
    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)\\.([a-z]{2})\\.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern USE = Pattern.compile("\\bt\\('([a-z0-9-]+)\\.([A-Za-z0-9_.-]+)'\\s*[,)]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyScreenHasTheSameKeysInEnglishKoreanAndJapanese() throws IOException {
        Map<String, Map<String, JsonNode>> screens = bundles();
        assertTrue(screens.keySet().containsAll(Set.of("shell", "board", "alert", "room")), screens.keySet().toString());
        List<String> problems = new ArrayList<>();
        screens.forEach((screen, byLanguage) -> {
            if (!byLanguage.keySet().equals(new TreeSet<>(LANGUAGES))) {
                problems.add(screen + ": languages " + byLanguage.keySet() + ", expected " + LANGUAGES);
                return;
            }
            Set<String> english = keys(byLanguage.get("en"));
            for (String lang : LANGUAGES) {
                Set<String> keys = keys(byLanguage.get(lang));
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(keys);
                Set<String> extra = new TreeSet<>(keys);
                extra.removeAll(english);
                if (!missing.isEmpty()) {
                    problems.add(screen + "." + lang + " lacks " + missing);
                }
                if (!extra.isEmpty()) {
                    problems.add(screen + "." + lang + " has keys English lacks: " + extra);
                }
                for (String key : keys) {
                    JsonNode text = byLanguage.get(lang).get(key);
                    if (!text.isTextual() || text.asText().isBlank()) {
                        problems.add(screen + "." + lang + "." + key + " is blank or not text");
                    } else if (english.contains(key)
                            && !placeholders(text.asText()).equals(placeholders(byLanguage.get("en").get(key).asText()))) {
                        problems.add(screen + "." + lang + "." + key + " placeholders " + placeholders(text.asText())
                                + " differ from English " + placeholders(byLanguage.get("en").get(key).asText()));
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void koreanAndJapaneseAreTranslatedNotCopied() throws IOException {
        List<String> copied = new ArrayList<>();
        bundles().forEach((screen, byLanguage) -> keys(byLanguage.get("en")).forEach(key -> {
            String en = byLanguage.get("en").path(key).asText();
            for (String lang : List.of("ko", "ja")) {
                JsonNode bundle = byLanguage.get(lang);
                String text = bundle != null && bundle.has(key) ? bundle.get(key).asText() : null;
                // identical text with English words in it (placeholders aside) was not translated
                if (text != null && text.equals(en) && PLACEHOLDER.matcher(en).replaceAll("").matches("(?s).*[a-z]{4,}.*")) {
                    copied.add(screen + "." + lang + "." + key + " = " + en);
                }
            }
        }));
        assertEquals(List.of(), copied);
    }

    @Test
    void everyKeyTheScreensAskForExists() throws IOException {
        Map<String, Map<String, JsonNode>> screens = bundles();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESOURCES)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = USE.matcher(Files.readString(js));
                while (m.find()) {
                    Map<String, JsonNode> screen = screens.get(m.group(1));
                    if (screen == null || !screen.get("en").has(m.group(2))) {
                        unknown.add(js.getFileName() + ": " + m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    static Map<String, Map<String, JsonNode>> bundles() throws IOException {
        Map<String, Map<String, JsonNode>> screens = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.toList()) {
                Matcher m = FILE.matcher(file.getFileName().toString());
                assertTrue(m.matches(), "bundle file names are <screen>.<lang>.json: " + file.getFileName());
                JsonNode json = JSON.readTree(file.toFile());
                assertTrue(json.isObject(), file + " is a JSON object");
                screens.computeIfAbsent(m.group(1), s -> new TreeMap<>()).put(m.group(2), json);
            }
        }
        assertFalse(screens.isEmpty());
        return screens;
    }

    private static Set<String> keys(JsonNode bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
