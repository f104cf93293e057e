package org.tcc.ingestion.rest.cap;

import java.util.Locale;
import java.util.Optional;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.ingestion.domain.AlertRules;
import org.tcc.kit.rest.Problem;

/**
 * How a CAP message maps onto TCC alerts. Type and region come from {@code eventCode}s {@code TCC:type} and
 * {@code TCC:region} when present, else from the event's wording; releasability is what {@link CapParser} read
 * from scope and restriction ({@link CapReleasability}); CAP status Exercise stays EXERCISE, and Test, System and
 * Draft become TEST (never presented as real).
 */
public final class CapAlerts {

    private CapAlerts() {
    }

    public static AlertRules.Raise raise(CapMessage cap) {
        CapMessage.Info info = cap.info();
        return new AlertRules.Raise(type(cap), region(cap), status(cap.status()),
                headline(info), info.description(), Severity.valueOf(info.severity()),
                Urgency.valueOf(info.urgency()), Certainty.valueOf(info.certainty()), info.areaDesc(),
                cap.releasableTo());
    }

    /**
     * A CAP Update as a change of the alert it references: its text and assessment, and its releasability
     * (which, as for every change, may only widen what the alert is releasable to).
     */
    public static AlertRules.Change change(CapMessage cap) {
        CapMessage.Info info = cap.info();
        return new AlertRules.Change(headline(info), info.description(), Severity.valueOf(info.severity()),
                Urgency.valueOf(info.urgency()), Certainty.valueOf(info.certainty()), info.areaDesc(),
                cap.releasableTo(), "CAP Update " + cap.identifier());
    }

    static TrafficStatus status(String capStatus) {
        return switch (capStatus) {
            case "Actual" -> TrafficStatus.ACTUAL;
            case "Exercise" -> TrafficStatus.EXERCISE;
            default -> TrafficStatus.TEST;
        };
    }

    static AlertType type(CapMessage cap) {
        Optional<String> coded = code(cap, "TCC:type");
        if (coded.isPresent()) {
            try {
                return AlertType.valueOf(coded.get());
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("info.eventCode", "TCC:type must be one of "
                        + java.util.Arrays.toString(AlertType.values()));
            }
        }
        String event = cap.info().event().toLowerCase(Locale.ROOT);
        if (event.contains("missile") || event.contains("ballistic")) {
            return AlertType.MISSILE_LAUNCH;
        }
        if (event.contains("nuclear")) {
            return AlertType.NUCLEAR_TEST;
        }
        if (event.contains("cyber")) {
            return AlertType.CYBER_INCIDENT;
        }
        if (event.contains("airspace") || event.contains("aircraft")) {
            return AlertType.AIRSPACE_VIOLATION;
        }
        if (event.contains("maritime") || event.contains("vessel") || event.contains("ship")) {
            return AlertType.MARITIME_INCIDENT;
        }
        return AlertType.OTHER;
    }

    static Region region(CapMessage cap) {
        return code(cap, "TCC:region").map(value -> {
            try {
                return Region.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("info.eventCode", "TCC:region must be one of "
                        + java.util.Arrays.toString(Region.values()));
            }
        }).orElse(Region.OTHER);
    }

    /** The headline, else the event (CapParser refused either when too long). */
    private static String headline(CapMessage.Info info) {
        return info.headline() != null ? info.headline() : info.event().strip();
    }

    private static Optional<String> code(CapMessage cap, String name) {
        return cap.info().eventCodes().stream().filter(c -> name.equals(c.valueName())).map(CapMessage.Code::value)
                .filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
    }
}
