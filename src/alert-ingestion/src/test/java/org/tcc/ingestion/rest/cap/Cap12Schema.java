package org.tcc.ingestion.rest.cap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The OASIS CAP 1.2 XML Schema's rules, written as checks: no package on the registries this project reaches
 * ships {@code CAP-v1.2.xsd} (docs/api.md says so), so these are the schema's sequences (element order),
 * cardinalities, enumerations and simple types, written out from the CAP 1.2 specification (OASIS Standard,
 * 1 July 2010, section 3.2 and the schema of section 3.4), plus the specification's rules the schema cannot
 * express: UTC as {@code -00:00}, closed polygons of at least four points, circles, identifiers without blanks,
 * commas, {@code <} or {@code &}, {@code references} as {@code sender,identifier,sent} entries, and
 * {@code addresses} for scope Private.
 *
 * <p>Independent of {@link CapParser} on purpose: it shares no code with what it checks.
 */
public final class Cap12Schema {

    static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";

    /** xs:dateTime restricted by CAP 1.2's pattern. */
    private static final String DATE_TIME = "\\d\\d\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-,+]\\d\\d:\\d\\d";
    private static final String DECIMAL = "[-+]?(\\d+(\\.\\d*)?|\\.\\d+)";
    private static final String POINT = DECIMAL + "," + DECIMAL;

    /** One particle of a sequence: a child element, how often it may occur, what its content must be. */
    private record Particle(String name, int min, int max, Function<Element, List<String>> content) {
    }

    private static final int MANY = Integer.MAX_VALUE;

    private Cap12Schema() {
    }

    /** Every violation of CAP 1.2 in the document; empty when it is valid. */
    public static List<String> violations(String xml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            return List.of("not well-formed: " + e.getMessage());
        }
        if (!NS.equals(root.getNamespaceURI()) || !"alert".equals(root.getLocalName())) {
            return List.of("root must be {" + NS + "}alert");
        }
        List<String> errors = new ArrayList<>(alert(root));
        String scope = childText(root, "scope");
        if ("Private".equals(scope) && childText(root, "addresses") == null) {
            errors.add("alert: addresses is required when scope is Private");
        }
        return errors;
    }

    private static List<String> alert(Element alert) {
        return sequence(alert, true,
                p("identifier", 1, 1, e -> token(e)),
                p("sender", 1, 1, e -> token(e)),
                p("sent", 1, 1, Cap12Schema::dateTime),
                p("status", 1, 1, e -> oneOf(e, "Actual", "Exercise", "System", "Test", "Draft")),
                p("msgType", 1, 1, e -> oneOf(e, "Alert", "Update", "Cancel", "Ack", "Error")),
                p("source", 0, 1, Cap12Schema::string),
                p("scope", 1, 1, e -> oneOf(e, "Public", "Restricted", "Private")),
                p("restriction", 0, 1, Cap12Schema::string),
                p("addresses", 0, 1, Cap12Schema::string),
                p("code", 0, MANY, Cap12Schema::string),
                p("note", 0, 1, Cap12Schema::string),
                p("references", 0, 1, Cap12Schema::references),
                p("incidents", 0, 1, Cap12Schema::string),
                p("info", 0, MANY, Cap12Schema::info));
    }

    private static List<String> info(Element info) {
        return sequence(info, false,
                p("language", 0, 1, e -> matches(e, "[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", "xs:language")),
                p("category", 1, MANY, e -> oneOf(e, "Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health",
                        "Env", "Transport", "Infra", "CBRNE", "Other")),
                p("event", 1, 1, Cap12Schema::string),
                p("responseType", 0, MANY, e -> oneOf(e, "Shelter", "Evacuate", "Prepare", "Execute", "Avoid",
                        "Monitor", "Assess", "AllClear", "None")),
                p("urgency", 1, 1, e -> oneOf(e, "Immediate", "Expected", "Future", "Past", "Unknown")),
                p("severity", 1, 1, e -> oneOf(e, "Extreme", "Severe", "Moderate", "Minor", "Unknown")),
                p("certainty", 1, 1, e -> oneOf(e, "Observed", "Likely", "Possible", "Unlikely", "Unknown")),
                p("audience", 0, 1, Cap12Schema::string),
                p("eventCode", 0, MANY, Cap12Schema::valuePair),
                p("effective", 0, 1, Cap12Schema::dateTime),
                p("onset", 0, 1, Cap12Schema::dateTime),
                p("expires", 0, 1, Cap12Schema::dateTime),
                p("senderName", 0, 1, Cap12Schema::string),
                p("headline", 0, 1, Cap12Schema::string),
                p("description", 0, 1, Cap12Schema::string),
                p("instruction", 0, 1, Cap12Schema::string),
                p("web", 0, 1, e -> matches(e, "\\S+", "xs:anyURI")),
                p("contact", 0, 1, Cap12Schema::string),
                p("parameter", 0, MANY, Cap12Schema::valuePair),
                p("resource", 0, MANY, Cap12Schema::resource),
                p("area", 0, MANY, Cap12Schema::area));
    }

    private static List<String> resource(Element resource) {
        return sequence(resource, false,
                p("resourceDesc", 1, 1, Cap12Schema::string),
                p("mimeType", 1, 1, Cap12Schema::string),
                p("size", 0, 1, e -> matches(e, "\\d+", "xs:integer")),
                p("uri", 0, 1, e -> matches(e, "\\S+", "xs:anyURI")),
                p("derefUri", 0, 1, Cap12Schema::string),
                p("digest", 0, 1, Cap12Schema::string));
    }

    private static List<String> area(Element area) {
        List<String> errors = sequence(area, false,
                p("areaDesc", 1, 1, Cap12Schema::string),
                p("polygon", 0, MANY, Cap12Schema::polygon),
                p("circle", 0, MANY, Cap12Schema::circle),
                p("geocode", 0, MANY, Cap12Schema::valuePair),
                p("altitude", 0, 1, e -> matches(e, DECIMAL, "xs:decimal")),
                p("ceiling", 0, 1, e -> matches(e, DECIMAL, "xs:decimal")));
        if (childText(area, "ceiling") != null && childText(area, "altitude") == null) {
            errors.add("area: ceiling needs altitude");
        }
        return errors;
    }

    private static List<String> valuePair(Element pair) {
        return sequence(pair, false,
                p("valueName", 1, 1, Cap12Schema::string),
                p("value", 1, 1, Cap12Schema::string));
    }

    /**
     * The children of {@code parent} against an xs:sequence: each particle in order, between its min and max
     * occurrences, nothing else (elements of other namespaces only at the end of {@code <alert>}, the schema's
     * {@code xs:any namespace="##other"}), and no text between elements.
     */
    private static List<String> sequence(Element parent, boolean otherNamespacesAtEnd, Particle... particles) {
        List<String> errors = new ArrayList<>();
        String where = parent.getLocalName();
        int at = 0;
        int count = 0;
        boolean inOther = false;
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!node.getTextContent().isBlank()) {
                    errors.add(where + ": text is not allowed between elements");
                }
                continue;
            }
            if (!(node instanceof Element child)) {
                continue;
            }
            if (!NS.equals(child.getNamespaceURI())) {
                if (otherNamespacesAtEnd && child.getNamespaceURI() != null) {
                    inOther = true;
                } else {
                    errors.add(where + ": element {" + child.getNamespaceURI() + "}" + child.getLocalName()
                            + " is not allowed");
                }
                continue;
            }
            if (inOther) {
                errors.add(where + ": " + child.getLocalName() + " after an element of another namespace");
                continue;
            }
            int found = -1;
            for (int k = at; k < particles.length; k++) {
                if (particles[k].name().equals(child.getLocalName())) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                boolean known = false;
                for (Particle particle : particles) {
                    known |= particle.name().equals(child.getLocalName());
                }
                errors.add(where + ": " + child.getLocalName() + (known ? " is out of order (after "
                        + particles[at].name() + ")" : " is not an element of " + where));
                continue;
            }
            if (found != at) {
                if (count < particles[at].min()) {
                    errors.add(where + ": " + particles[at].name() + " is required (before " + child.getLocalName()
                            + ")");
                }
                for (int k = at + 1; k < found; k++) {
                    if (particles[k].min() > 0) {
                        errors.add(where + ": " + particles[k].name() + " is required (before "
                                + child.getLocalName() + ")");
                    }
                }
                at = found;
                count = 0;
            }
            count++;
            if (count > particles[at].max()) {
                errors.add(where + ": " + particles[at].name() + " may occur at most " + particles[at].max()
                        + " time(s)");
            }
            for (String error : particles[at].content().apply(child)) {
                errors.add(where + "." + error);
            }
        }
        if (count < particles[at].min()) {
            errors.add(where + ": " + particles[at].name() + " is required");
        }
        for (int k = at + 1; k < particles.length; k++) {
            if (particles[k].min() > 0) {
                errors.add(where + ": " + particles[k].name() + " is required");
            }
        }
        return errors;
    }

    private static Particle p(String name, int min, int max, Function<Element, List<String>> content) {
        return new Particle(name, min, max, content);
    }

    /** A simple-content element: text only. */
    private static List<String> string(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return List.of(e.getLocalName() + ": must hold text only");
            }
        }
        return List.of();
    }

    private static List<String> oneOf(Element e, String... values) {
        List<String> errors = string(e);
        if (!errors.isEmpty()) {
            return errors;
        }
        return Set.of(values).contains(e.getTextContent()) ? List.of()
                : List.of(e.getLocalName() + ": '" + e.getTextContent() + "' is not one of " + List.of(values));
    }

    private static List<String> matches(Element e, String pattern, String type) {
        List<String> errors = string(e);
        if (!errors.isEmpty()) {
            return errors;
        }
        return e.getTextContent().strip().matches(pattern) ? List.of()
                : List.of(e.getLocalName() + ": '" + e.getTextContent() + "' is not a valid " + type);
    }

    private static List<String> dateTime(Element e) {
        List<String> errors = new ArrayList<>(matches(e, DATE_TIME, "CAP dateTime"));
        if (errors.isEmpty() && e.getTextContent().strip().endsWith("+00:00")) {
            errors.add(e.getLocalName() + ": UTC must be written -00:00, not +00:00");
        }
        return errors;
    }

    private static List<String> token(Element e) {
        return matches(e, "[^\\s,<&]+", "identifier (no blanks, commas, < or &)");
    }

    private static List<String> references(Element e) {
        List<String> errors = string(e);
        for (String entry : e.getTextContent().strip().split("\\s+")) {
            String[] parts = entry.split(",", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].matches(DATE_TIME)) {
                errors.add("references: '" + entry + "' is not sender,identifier,sent");
            }
        }
        return errors;
    }

    private static List<String> polygon(Element e) {
        String[] points = e.getTextContent().strip().split("\\s+");
        List<String> errors = new ArrayList<>();
        for (String point : points) {
            if (!point.matches(POINT)) {
                errors.add("polygon: '" + point + "' is not lat,lon");
            }
        }
        if (points.length < 4) {
            errors.add("polygon: needs at least 4 points, has " + points.length);
        } else if (errors.isEmpty() && !same(points[0], points[points.length - 1])) {
            errors.add("polygon: first and last points differ");
        }
        return errors;
    }

    private static List<String> circle(Element e) {
        String[] parts = e.getTextContent().strip().split("\\s+");
        if (parts.length != 2 || !parts[0].matches(POINT) || !parts[1].matches("\\+?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return List.of("circle: '" + e.getTextContent() + "' is not 'lat,lon radius'");
        }
        String[] latLon = parts[0].split(",");
        double lat = Double.parseDouble(latLon[0]);
        double lon = Double.parseDouble(latLon[1]);
        return lat < -90 || lat > 90 || lon < -180 || lon > 180 ? List.of("circle: centre outside WGS 84 range")
                : List.of();
    }

    private static boolean same(String a, String b) {
        String[] p = a.split(",");
        String[] q = b.split(",");
        return Double.parseDouble(p[0]) == Double.parseDouble(q[0]) && Double.parseDouble(p[1]) == Double.parseDouble(q[1]);
    }

    private static String childText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && NS.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
                return child.getTextContent();
            }
        }
        return null;
    }
}
