package org.tcc.ingestion.rest.cap;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;

/**
 * Exports an alert as a CAP 1.2 document: scope Restricted with a {@code restriction} naming the countries it is
 * releasable to; msgType Alert, Update (after changes) or Cancel, referencing the original message.
 */
public final class CapWriter {

    public static final String MEDIA_TYPE = "application/cap+xml";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CapWriter() {
    }

    public static String write(AlertState alert) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(CapParser.NAMESPACE);
            String sender = "tcc-" + alert.originCountry().name().toLowerCase(Locale.ROOT) + "@tcc.example";
            element(xml, "identifier", identifier(alert));
            element(xml, "sender", sender);
            element(xml, "sent", time(alert.updatedAt()));
            element(xml, "status", switch (alert.status()) {
                case ACTUAL -> "Actual";
                case EXERCISE -> "Exercise";
                case TEST -> "Test";
            });
            String msgType = alert.lifecycle() == AlertLifecycle.CANCELLED ? "Cancel"
                    : alert.version() == 0 ? "Alert" : "Update";
            element(xml, "msgType", msgType);
            element(xml, "scope", "Restricted");
            element(xml, "restriction", "Releasable to " + alert.releasableTo().stream().map(Enum::name)
                    .collect(Collectors.joining(", ")) + " only (trilateral crisis coordination)");
            if (!"Alert".equals(msgType)) {
                element(xml, "references", sender + "," + alert.alertId() + "," + time(alert.raisedAt()));
            }
            if (alert.status() != TrafficStatus.ACTUAL) {
                element(xml, "note", alert.status() + " traffic: not a real event");
            }
            xml.writeStartElement("info");
            element(xml, "category", "Security");
            element(xml, "event", alert.type().name());
            element(xml, "urgency", alert.urgency().name());
            element(xml, "severity", alert.severity().name());
            element(xml, "certainty", alert.certainty().name());
            code(xml, "eventCode", "TCC:type", alert.type().name());
            code(xml, "eventCode", "TCC:region", alert.region().name());
            element(xml, "senderName", "Trilateral Crisis Coordination (" + alert.originCountry() + ")");
            element(xml, "headline", alert.headline());
            if (alert.description() != null) {
                element(xml, "description", alert.description());
            }
            if (!alert.affectedCountries().isEmpty()) {
                code(xml, "parameter", "TCC:affectedCountries", alert.affectedCountries().stream().map(Enum::name)
                        .collect(Collectors.joining(" ")));
            }
            xml.writeStartElement("area");
            element(xml, "areaDesc", alert.areaDesc() != null ? alert.areaDesc() : alert.region().name());
            if (alert.launch() != null && alert.launch().predictedImpactPoint() != null) {
                element(xml, "circle", String.format(Locale.ROOT, "%.4f,%.4f 50",
                        alert.launch().predictedImpactPoint().lat(), alert.launch().predictedImpactPoint().lon()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write CAP", e);
        }
        return out.toString();
    }

    /** The CAP identifier of an alert's current message: its id, plus the version once it changed. */
    static String identifier(AlertState alert) {
        return alert.version() == 0 ? alert.alertId() : alert.alertId() + "." + alert.version();
    }

    private static String time(Instant instant) {
        return CAP_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
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
