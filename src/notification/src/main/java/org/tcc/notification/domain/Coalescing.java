package org.tcc.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.tcc.contracts.events.alert.AlertState;

/**
 * When a new version of an alert reaches a recipient's e-mail or webhook. The live stream carries every version at
 * once; these channels reach a person, who should not get twenty messages for one missile:
 * <ul>
 *   <li>the first notice of an alert goes at once;</li>
 *   <li>a newer version replaces one still waiting (never attempted) and keeps its due time;</li>
 *   <li>a later version is sent only when what a person acts on changed (its {@link #digest}: severity, affected
 *       countries, what threatens them, lifecycle), and no sooner than {@code interval} after the previous one.</li>
 * </ul>
 */
public final class Coalescing {

    private Coalescing() {
    }

    /** The latest delivery of the same alert to the same recipient on the same channel. */
    public record Previous(boolean waiting, String digest, Instant lastActivity) {
    }

    /** What to do with the new version. */
    public sealed interface Decision permits SendAt, Replace, Skip {
    }

    /** A new delivery, due at {@code due}. */
    public record SendAt(Instant due) implements Decision {
    }

    /** The waiting delivery carries the new version instead. */
    public record Replace() implements Decision {
    }

    /** Nothing a person acts on changed: no new delivery. */
    public record Skip() implements Decision {
    }

    public static Decision decide(Previous previous, String digest, Instant now, Duration interval) {
        if (previous == null) {
            return new SendAt(now);
        }
        if (previous.waiting()) {
            return new Replace();
        }
        if (previous.digest() != null && previous.digest().equals(digest)) {
            return new Skip();
        }
        Instant earliest = previous.lastActivity().plus(interval);
        return new SendAt(earliest.isAfter(now) ? earliest : now);
    }

    /**
     * What a person acts on: severity, affected countries, lifecycle, and what threatens each country (impact or
     * overflight, so an overflight newly predicted for an already affected country is sent).
     */
    public static String digest(AlertState alert) {
        List<String> affected = alert.affectedCountries() == null ? List.of()
                : alert.affectedCountries().stream().map(Enum::name).sorted().toList();
        String digest = alert.severity() + "|" + affected.stream().collect(Collectors.joining(",")) + "|"
                + alert.lifecycle();
        if (alert.threats() != null && !alert.threats().isEmpty()) {
            digest += "|" + alert.threats().stream().map(t -> t.country() + ":" + t.kind()).distinct().sorted()
                    .collect(Collectors.joining(","));
        }
        return digest;
    }
}
