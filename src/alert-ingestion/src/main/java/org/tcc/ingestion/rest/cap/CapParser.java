package org.tcc.ingestion.rest.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tcc.kit.rest.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads CAP 1.2 documents with a hardened parser: no DTD at all (so no entity, internal or external, is ever
 * expanded), no XInclude, no external schema or stylesheet access. CAP 1.2's required elements are enforced with
 * one problem per missing or invalid field.
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

    private CapParser() {
    }

    public static CapMessage parse(byte[] xml) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new Problem(400, "XML not accepted",
                        "CAP documents must not contain a DOCTYPE (DTDs and entities are refused)", null, null);
            }
            throw new Problem(400, "Malformed XML", message, null, null);
        } catch (IOException e) {
            throw new Problem(400, "Malformed XML", e.getMessage(), null, null);
        }
        Element alert = document.getDocumentElement();
        if (!"alert".equals(alert.getLocalName()) || !NAMESPACE.equals(alert.getNamespaceURI())) {
            throw Problem.invalid("alert", "the root element must be <alert xmlns=\"" + NAMESPACE + "\">");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String identifier = required(alert, "identifier", errors);
        String sender = required(alert, "sender", errors);
        String sent = required(alert, "sent", errors);
        String status = oneOf(alert, "status", STATUS, true, errors);
        String msgType = oneOf(alert, "msgType", MSG_TYPE, true, errors);
        String scope = oneOf(alert, "scope", SCOPE, true, errors);
        String restriction = text(alert, "restriction");
        if ("Restricted".equals(scope) && blank(restriction)) {
            errors.add(new Problem.FieldError("restriction", "is required when scope is Restricted"));
        }
        if (sent != null && !sent.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2})")) {
            errors.add(new Problem.FieldError("sent", "must be a CAP date-time such as 2003-06-17T14:57:00-07:00"));
        }
        Element infoElement = child(alert, "info");
        CapMessage.Info info = null;
        if (infoElement == null) {
            if (!"Cancel".equals(msgType)) {
                errors.add(new Problem.FieldError("info", "is required to raise or update an alert"));
            }
        } else {
            List<String> categories = new ArrayList<>();
            for (Element category : children(infoElement, "category")) {
                String value = category.getTextContent().trim();
                if (!CATEGORY.contains(value)) {
                    errors.add(new Problem.FieldError("info.category", "must be one of " + CATEGORY));
                }
                categories.add(value);
            }
            if (categories.isEmpty()) {
                errors.add(new Problem.FieldError("info.category", "is required"));
            }
            List<CapMessage.Code> codes = new ArrayList<>();
            for (Element code : children(infoElement, "eventCode")) {
                codes.add(new CapMessage.Code(text(code, "valueName"), text(code, "value")));
            }
            List<String> areas = new ArrayList<>();
            for (Element area : children(infoElement, "area")) {
                String desc = text(area, "areaDesc");
                if (blank(desc)) {
                    errors.add(new Problem.FieldError("info.area.areaDesc", "is required"));
                } else {
                    areas.add(desc.replaceAll("\\s+", " "));
                }
            }
            info = new CapMessage.Info(categories, required(infoElement, "info.event", "event", errors),
                    oneOf(infoElement, "urgency", URGENCY, true, errors, "info."),
                    oneOf(infoElement, "severity", SEVERITY, true, errors, "info."),
                    oneOf(infoElement, "certainty", CERTAINTY, true, errors, "info."),
                    squash(text(infoElement, "headline")), squash(text(infoElement, "description")),
                    areas.isEmpty() ? null : String.join("; ", areas), codes);
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new CapMessage(identifier, sender, sent, status, msgType, scope, restriction,
                text(alert, "addresses"), text(alert, "references"), info);
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

    private static String squash(String value) {
        return value == null ? null : value.trim().replaceAll("\\s+", " ");
    }
}
