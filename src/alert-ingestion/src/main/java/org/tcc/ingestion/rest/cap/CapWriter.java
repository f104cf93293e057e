package org.tcc.ingestion.rest.cap;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.LaunchEstimate;

/**
 * Exports an alert as a CAP 1.2 message, in the element order and formats of the OASIS CAP 1.2 schema:
 * <ul>
 *   <li>msgType Alert (version 0), Update (after any change; a resolved alert adds responseType AllClear) or
 *       Cancel (cancelled), an Update or Cancel {@code references} the original message;</li>
 *   <li>scope Restricted with {@code <restriction>REL TO USA, KOR</restriction>} ({@link CapReleasability}), the
 *       same form the intake reads;</li>
 *   <li>date-times in UTC written {@code -00:00}, as CAP 1.2 requires (never {@code Z} or {@code +00:00});</li>
 *   <li>one {@code <info>} per language (en-US, ko-KR, ja-JP): the system's words from the message bundles
 *       ({@link CapTexts}), a liaison's text as written in every one;</li>
 *   <li>areas from the geometry the alert has: the predicted impact point and the launch point as circles of
 *       radius 0 (the fused estimate carries no uncertainty), and the affected countries as ISO 3166-1 alpha-3
 *       geocodes; a liaison's alert has its area in words only.</li>
 * </ul>
 */
public final class CapWriter {

    public static final String MEDIA_TYPE = "application/cap+xml";
    /** CAP 1.2: "The timezone for UTC MUST be represented as -00:00". */
    private static final DateTimeFormatter CAP_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'");
    public static final String COUNTRY_GEOCODE = "ISO3166-1-alpha-3";

    private CapWriter() {
    }

    public static String write(AlertState alert) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(CapParser.NAMESPACE);
            String sender = sender(alert.originCountry());
            element(xml, "identifier", identifier(alert));
            element(xml, "sender", sender);
            element(xml, "sent", time(alert.updatedAt()));
            element(xml, "status", status(alert.status()));
            String msgType = msgType(alert);
            element(xml, "msgType", msgType);
            element(xml, "scope", "Restricted");
            element(xml, "restriction", CapReleasability.format(alert.releasableTo()));
            String note = note(alert);
            if (note != null) {
                element(xml, "note", note);
            }
            if (!"Alert".equals(msgType)) {
                element(xml, "references", sender + "," + alert.alertId() + "," + time(alert.raisedAt()));
            }
            for (Locale language : CapTexts.LANGUAGES) {
                info(xml, alert, new CapTexts(language));
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write CAP", e);
        }
        return out.toString();
    }

    private static void info(XMLStreamWriter xml, AlertState alert, CapTexts texts) throws XMLStreamException {
        LaunchEstimate launch = alert.launch();
        xml.writeStartElement("info");
        element(xml, "language", texts.language());
        for (String category : categories(alert.type())) {
            element(xml, "category", category);
        }
        element(xml, "event", texts.event(alert.type()));
        if (alert.lifecycle() == AlertLifecycle.RESOLVED) {
            element(xml, "responseType", "AllClear");
        }
        element(xml, "urgency", alert.urgency().name());
        element(xml, "severity", alert.severity().name());
        element(xml, "certainty", alert.certainty().name());
        element(xml, "audience", texts.audience());
        code(xml, "eventCode", "TCC:type", alert.type().name());
        code(xml, "eventCode", "TCC:region", alert.region().name());
        if (launch != null && launch.detectedAt() != null) {
            element(xml, "onset", time(launch.detectedAt()));
        }
        element(xml, "senderName", texts.senderName(alert.originCountry()));
        element(xml, "headline", texts.headline(alert));
        String description = texts.description(alert);
        if (description != null) {
            element(xml, "description", description);
        }
        for (String[] parameter : parameters(alert)) {
            code(xml, "parameter", parameter[0], parameter[1]);
        }
        areas(xml, alert, texts);
        xml.writeEndElement();
    }

    /**
     * A sensor alert: the predicted impact (its description, the impact point) and the launch point, or the
     * launch point alone until an impact is predicted; then the affected countries as geocodes. A liaison's
     * alert: its area as written.
     */
    private static void areas(XMLStreamWriter xml, AlertState alert, CapTexts texts) throws XMLStreamException {
        LaunchEstimate launch = alert.launch();
        if (launch == null) {
            area(xml, texts.areaDesc(alert), null, List.of());
        } else if (launch.predictedImpactPoint() == null) {
            area(xml, texts.areaDesc(alert), CapGeometry.circle(launch.launchPoint(), 0), List.of());
        } else {
            area(xml, texts.areaDesc(alert), CapGeometry.circle(launch.predictedImpactPoint(), 0), List.of());
            area(xml, texts.launchArea(launch.launchPoint()), CapGeometry.circle(launch.launchPoint(), 0),
                    List.of());
        }
        if (!alert.affectedCountries().isEmpty()) {
            area(xml, texts.affectedArea(alert.affectedCountries()), null, alert.affectedCountries());
        }
    }

    private static void area(XMLStreamWriter xml, String desc, String circle, List<Country> geocodes)
            throws XMLStreamException {
        xml.writeStartElement("area");
        element(xml, "areaDesc", desc);
        if (circle != null) {
            element(xml, "circle", circle);
        }
        for (Country country : geocodes) {
            code(xml, "geocode", COUNTRY_GEOCODE, country.name());
        }
        xml.writeEndElement();
    }

    private static List<String[]> parameters(AlertState alert) {
        List<String[]> parameters = new ArrayList<>();
        parameters.add(new String[] {"TCC:lifecycle", alert.lifecycle().name()});
        if (!alert.affectedCountries().isEmpty()) {
            parameters.add(new String[] {"TCC:affectedCountries", alert.affectedCountries().stream()
                    .map(Enum::name).collect(Collectors.joining(" "))});
        }
        LaunchEstimate launch = alert.launch();
        if (launch != null) {
            parameters.add(new String[] {"TCC:missileClass", launch.missileClass().name()});
            parameters.add(new String[] {"TCC:confidence", String.valueOf(launch.confidence())});
            if (launch.apogeeKm() != null) {
                parameters.add(new String[] {"TCC:apogeeKm", String.valueOf(launch.apogeeKm())});
            }
            if (launch.rangeKm() != null) {
                parameters.add(new String[] {"TCC:rangeKm", String.valueOf(launch.rangeKm())});
            }
            if (launch.flightTimeSeconds() != null) {
                parameters.add(new String[] {"TCC:flightTimeSeconds", String.valueOf(launch.flightTimeSeconds())});
            }
        }
        return parameters;
    }

    /** CAP categories of a type: all are Security matters; some are also another CAP category. */
    static List<String> categories(AlertType type) {
        switch (type) {
            case MISSILE_LAUNCH:
                return List.of("Security", "Safety");
            case NUCLEAR_TEST:
                return List.of("Security", "CBRNE");
            case MARITIME_INCIDENT:
            case AIRSPACE_VIOLATION:
                return List.of("Security", "Transport");
            case CYBER_INCIDENT:
                return List.of("Security", "Infra");
            default:
                return List.of("Security");
        }
    }

    private static String note(AlertState alert) {
        List<String> notes = new ArrayList<>();
        if (alert.status() != TrafficStatus.ACTUAL) {
            notes.add(alert.status() + " traffic: not a real event");
        }
        if (alert.lifecycle() == AlertLifecycle.RESOLVED) {
            notes.add("Resolved: the event is over");
        } else if (alert.lifecycle() == AlertLifecycle.CANCELLED) {
            notes.add("Cancelled: the alert was wrong and is withdrawn");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static String msgType(AlertState alert) {
        if (alert.lifecycle() == AlertLifecycle.CANCELLED) {
            return "Cancel";
        }
        return alert.version() == 0 ? "Alert" : "Update";
    }

    private static String status(TrafficStatus status) {
        switch (status) {
            case ACTUAL:
                return "Actual";
            case EXERCISE:
                return "Exercise";
            default:
                return "Test";
        }
    }

    static String sender(Country country) {
        return "tcc-" + country.name().toLowerCase(Locale.ROOT) + "@tcc.example";
    }

    /** The CAP identifier of an alert's current message: its id, plus the version once it changed. */
    static String identifier(AlertState alert) {
        return alert.version() == 0 ? alert.alertId() : alert.alertId() + "." + alert.version();
    }

    /** A CAP 1.2 date-time in UTC: {@code 2026-11-29T01:00:00-00:00}. */
    static String time(Instant instant) {
        return CAP_UTC.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void code(XMLStreamWriter xml, String kind, String name, String value) throws XMLStreamException {
        xml.writeStartElement(kind);
        element(xml, "valueName", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }
}
