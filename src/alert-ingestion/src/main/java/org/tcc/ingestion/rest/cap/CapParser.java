package org.tcc.ingestion.rest.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tcc.contracts.Country;
import org.tcc.kit.rest.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads CAP 1.2 documents with a hardened parser: no DTD at all (so no entity, internal or external, is ever
 * expanded), no XInclude, no external schema or stylesheet access. Everything that can be judged without the
 * database is checked here, with one problem per invalid field, so nothing is written for a refused message:
 * CAP 1.2's required elements and enumerations, its date-time form, {@code restriction} only with scope
 * Restricted and in the one {@link CapReleasability} form, {@code references} (required for Update and Cancel),
 * closed polygons of at least four points, circles, and the text limits of what TCC stores.
 */
public final class CapParser {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    private static final Set<String> STATUS = Set.of("Actual", "Exercise", "System", "Test", "Draft");
    private static final Set<String> MSG_TYPE = Set.of("Alert", "Update", "Cancel", "Ack", "Error");
    private static final Set<String> SCOPE = Set.of("Public", "Restricted", "Private");
    private static final Set<String> CATEGORY = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire",
            "Health", "Env", "Transport", "Infra", "CBRNE", "Other");
    private static final Set<String> URGENCY = Set.of("Immediate", "Expected", "Future", "Past", "Unknown");
    private static final Set<String> SEVERITY = Set.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    private static final Set<String> CERTAINTY = Set.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");
    private static final Set<String> RESPONSE_TYPE = Set.of("Shelter", "Evacuate", "Prepare", "Execute", "Avoid",
            "Monitor", "Assess", "AllClear", "None");

    /** Text limits of what TCC stores: the headline column and JSON API (160), the AlertState schema. */
    public static final int HEADLINE_MAX = 160;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int AREA_MAX = 1000;
    public static final int IDENTIFIER_MAX = 256;
    private static final String DATE_TIME_RULE = "must be a CAP date-time with an explicit offset and no "
            + "fraction, such as 2003-06-17T14:57:00-07:00 (UTC as -00:00)";

    private CapParser() {
    }

    public static CapMessage parse(byte[] xml) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw Problem.malformed("XML not accepted",
                        "CAP documents must not contain a DOCTYPE (DTDs and entities are refused)");
            }
            throw Problem.malformed("Malformed XML", message);
        } catch (IOException e) {
            throw Problem.malformed("Malformed XML", e.getMessage());
        }
        Element alert = document.getDocumentElement();
        if (!"alert".equals(alert.getLocalName()) || !NAMESPACE.equals(alert.getNamespaceURI())) {
            throw Problem.invalid("alert", "the root element must be <alert xmlns=\"" + NAMESPACE + "\">");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String identifier = token(alert, "identifier", errors);
        if (identifier != null && identifier.length() > IDENTIFIER_MAX) {
            errors.add(new Problem.FieldError("identifier", "must be at most " + IDENTIFIER_MAX + " characters"));
        }
        String sender = token(alert, "sender", errors);
        String sent = required(alert, "sent", errors);
        if (sent != null && !dateTime(sent)) {
            errors.add(new Problem.FieldError("sent", DATE_TIME_RULE));
        }
        String status = oneOf(alert, "status", STATUS, true, errors);
        String msgType = oneOf(alert, "msgType", MSG_TYPE, true, errors);
        String scope = oneOf(alert, "scope", SCOPE, true, errors);
        String restriction = text(alert, "restriction");
        Set<Country> releasableTo = releasability(scope, restriction, errors);
        List<CapMessage.Reference> references = references(text(alert, "references"), msgType, errors);

        List<CapMessage.Info> infos = new ArrayList<>();
        for (Element infoElement : children(alert, "info")) {
            infos.add(info(infoElement, errors));
        }
        if (infos.isEmpty() && ("Alert".equals(msgType) || "Update".equals(msgType))) {
            errors.add(new Problem.FieldError("info", "is required to raise or update an alert"));
        }
        CapMessage message = new CapMessage(identifier, sender, sent, status, msgType, scope, restriction,
                text(alert, "addresses"), references, infos, releasableTo);
        if (message.info() != null && ("Alert".equals(msgType) || "Update".equals(msgType))) {
            limits(message.info(), errors);
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return message;
    }

    /** CAP 1.2 dateTime: {@code 2003-06-17T14:57:00-07:00}, an explicit offset, no fraction, no {@code Z}. */
    static boolean dateTime(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}")) {
            return false;
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Public releases to every participating country; Restricted to the countries of its
     * {@code REL TO} restriction ({@link CapReleasability}); Private (addressed to individual recipients) is
     * refused, since TCC releases alerts to countries and could only guess at addresses.
     */
    private static Set<Country> releasability(String scope, String restriction, List<Problem.FieldError> errors) {
        if (scope == null) {
            return Set.of();
        }
        if (!"Restricted".equals(scope)) {
            if (restriction != null) {
                errors.add(new Problem.FieldError("restriction", "is only allowed when scope is Restricted (scope is "
                        + scope + ")"));
            }
            if ("Private".equals(scope)) {
                errors.add(new Problem.FieldError("scope", "Private is not accepted: TCC releases alerts to "
                        + "countries, not addresses; use scope Restricted with <restriction>"
                        + CapReleasability.FORM + "</restriction>"));
                return Set.of();
            }
            return EnumSet.allOf(Country.class);
        }
        if (blank(restriction)) {
            errors.add(new Problem.FieldError("restriction", "is required when scope is Restricted: "
                    + CapReleasability.FORM));
            return Set.of();
        }
        try {
            return CapReleasability.parse(restriction);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("restriction", e.getMessage()));
            return Set.of();
        }
    }

    /** {@code sender,identifier,sent} entries separated by blanks; required for Update and Cancel. */
    private static List<CapMessage.Reference> references(String text, String msgType,
                                                         List<Problem.FieldError> errors) {
        if (blank(text)) {
            if ("Update".equals(msgType) || "Cancel".equals(msgType)) {
                errors.add(new Problem.FieldError("references", "is required for msgType " + msgType
                        + ": sender,identifier,sent of the message it " + ("Update".equals(msgType) ? "updates"
                        : "cancels")));
            }
            return List.of();
        }
        List<CapMessage.Reference> references = new ArrayList<>();
        for (String entry : text.strip().split("\\s+")) {
            String[] parts = entry.split(",", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !dateTime(parts[2])) {
                errors.add(new Problem.FieldError("references", "'" + entry + "' is not sender,identifier,sent "
                        + "(e.g. tcc-kor@tcc.example,2f1c…,2026-11-29T01:00:00-00:00)"));
                return List.of();
            }
            references.add(new CapMessage.Reference(parts[0], parts[1], parts[2]));
        }
        return references;
    }

    private static CapMessage.Info info(Element info, List<Problem.FieldError> errors) {
        String language = text(info, "language");
        if (language != null && !language.strip().matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
            errors.add(new Problem.FieldError("info.language", "must be an RFC 3066 language tag such as en-US"));
        }
        List<String> categories = new ArrayList<>();
        for (Element category : children(info, "category")) {
            String value = category.getTextContent().trim();
            if (!CATEGORY.contains(value)) {
                errors.add(new Problem.FieldError("info.category", "must be one of " + sorted(CATEGORY)));
            }
            categories.add(value);
        }
        if (categories.isEmpty()) {
            errors.add(new Problem.FieldError("info.category", "is required"));
        }
        for (Element response : children(info, "responseType")) {
            if (!RESPONSE_TYPE.contains(response.getTextContent().trim())) {
                errors.add(new Problem.FieldError("info.responseType", "must be one of " + sorted(RESPONSE_TYPE)));
            }
        }
        List<CapMessage.Code> codes = new ArrayList<>();
        for (Element code : children(info, "eventCode")) {
            codes.add(new CapMessage.Code(text(code, "valueName"), text(code, "value")));
        }
        List<String> areas = new ArrayList<>();
        for (Element area : children(info, "area")) {
            String desc = text(area, "areaDesc");
            if (blank(desc)) {
                errors.add(new Problem.FieldError("info.area.areaDesc", "is required"));
            } else {
                areas.add(squash(desc));
            }
            for (Element polygon : children(area, "polygon")) {
                String problem = CapGeometry.polygonProblem(polygon.getTextContent());
                if (problem != null) {
                    errors.add(new Problem.FieldError("info.area.polygon", problem));
                }
            }
            for (Element circle : children(area, "circle")) {
                String problem = CapGeometry.circleProblem(circle.getTextContent());
                if (problem != null) {
                    errors.add(new Problem.FieldError("info.area.circle", problem));
                }
            }
            String altitude = text(area, "altitude");
            String ceiling = text(area, "ceiling");
            if (altitude != null && !CapGeometry.decimal(altitude.strip())) {
                errors.add(new Problem.FieldError("info.area.altitude", "must be a number (feet above sea level)"));
            }
            if (ceiling != null && !CapGeometry.decimal(ceiling.strip())) {
                errors.add(new Problem.FieldError("info.area.ceiling", "must be a number (feet above sea level)"));
            }
            if (ceiling != null && altitude == null) {
                errors.add(new Problem.FieldError("info.area.ceiling", "is only allowed together with altitude"));
            }
        }
        return new CapMessage.Info(language == null ? "en-US" : language.strip(), categories,
                required(info, "info.event", "event", errors),
                oneOf(info, "urgency", URGENCY, true, errors, "info."),
                oneOf(info, "severity", SEVERITY, true, errors, "info."),
                oneOf(info, "certainty", CERTAINTY, true, errors, "info."),
                squash(text(info, "headline")), squash(text(info, "description")), areas, codes);
    }

    /**
     * The text TCC stores must fit the alert's limits (the database's and the AlertState JSON Schema's), so it is
     * refused here, before anything is written, rather than failing the event's schema check later.
     */
    private static void limits(CapMessage.Info info, List<Problem.FieldError> errors) {
        if (info.headline() != null && info.headline().length() > HEADLINE_MAX) {
            errors.add(new Problem.FieldError("info.headline", "must be at most " + HEADLINE_MAX + " characters"));
        } else if (info.headline() == null && info.event() != null && info.event().length() > HEADLINE_MAX) {
            errors.add(new Problem.FieldError("info.headline", "is required when info.event (used as the headline "
                    + "otherwise) is longer than " + HEADLINE_MAX + " characters"));
        }
        if (info.description() != null && info.description().length() > DESCRIPTION_MAX) {
            errors.add(new Problem.FieldError("info.description", "must be at most " + DESCRIPTION_MAX
                    + " characters"));
        }
        String area = info.areaDesc();
        if (area != null && area.length() > AREA_MAX) {
            errors.add(new Problem.FieldError("info.area.areaDesc", "must be at most " + AREA_MAX
                    + " characters (all areas together)"));
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused: " + systemId);
            });
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot harden the XML parser", e);
        }
    }

    private static String required(Element parent, String name, List<Problem.FieldError> errors) {
        return required(parent, name, name, errors);
    }

    /** identifier and sender: CAP forbids blanks, commas and the characters {@code <} and {@code &} in them. */
    private static String token(Element parent, String name, List<Problem.FieldError> errors) {
        String value = required(parent, name, errors);
        if (value != null && !value.matches("[^\\s,<&]+")) {
            errors.add(new Problem.FieldError(name, "must not contain blanks, commas, < or &"));
            return null;
        }
        return value;
    }

    private static String required(Element parent, String field, String name, List<Problem.FieldError> errors) {
        String value = text(parent, name);
        if (blank(value)) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        return value.trim();
    }

    private static String oneOf(Element parent, String name, Set<String> allowed, boolean required,
                                List<Problem.FieldError> errors) {
        return oneOf(parent, name, allowed, required, errors, "");
    }

    private static String oneOf(Element parent, String name, Set<String> allowed, boolean required,
                                List<Problem.FieldError> errors, String prefix) {
        String value = text(parent, name);
        if (blank(value)) {
            if (required) {
                errors.add(new Problem.FieldError(prefix + name, "is required"));
            }
            return null;
        }
        if (!allowed.contains(value.trim())) {
            errors.add(new Problem.FieldError(prefix + name, "must be one of " + allowed.stream().sorted().toList()));
            return null;
        }
        return value.trim();
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && name.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Whitespace folded to single blanks; null when absent or blank. */
    private static String squash(String value) {
        return blank(value) ? null : value.trim().replaceAll("\\s+", " ");
    }
}
