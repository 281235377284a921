package dev.pce.engine.evidence;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Walks the elements of an XML evidence file, securely, and reads attributes with the checks every XML format
 * needs. Shared by the JUnit, JaCoCo and Cobertura parsers so they only say what their format means.
 *
 * <p>Security: the JDK's own StAX parser (never one found on the class path) with DTD support and external
 * entities off, external DTD access forbidden and a resolver that refuses everything, so a DOCTYPE such as
 * JaCoCo's {@code report.dtd} or Cobertura's {@code http://cobertura.sourceforge.net/xml/coverage-04.dtd} is
 * skipped without being fetched. A DOCTYPE with an internal subset ({@code [ <!ENTITY ...> ]}) is refused before
 * parsing: no evidence format needs one, and it is how XXE and entity-expansion ("billion laughs") attacks are
 * built. The bytes are decoded by {@link XmlEncoding} first.
 *
 * <p>The cursor stops on start and end tags only; text is read on demand with {@link #text(int)}.
 */
final class XmlCursor implements AutoCloseable {

    private static final String MALFORMED_FIX = "regenerate the report; a cut-off file usually means the tool "
            + "was killed, timed out or ran out of disk space while writing it";

    private final XMLStreamReader reader;
    private int depth;
    private boolean atStart;

    private XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    static XmlCursor open(byte[] content) throws MalformedEvidenceException {
        try {
            String text = XmlEncoding.decode(content);
            refuseInternalSubset(text);
            return new XmlCursor(secureFactory().createXMLStreamReader(new StringReader(text)));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** A new factory per file: XMLInputFactory makes no thread-safety promise, and the set-up is cheap. */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return factory;
    }

    /**
     * Moves to the first element and checks it is one of {@code names}.
     *
     * @return the root element's name
     */
    String requireRoot(String formatName, String... names) throws MalformedEvidenceException {
        if (!next()) {
            throw new MalformedEvidenceException("", "the file has no root element",
                    "regenerate the report; an XML " + formatName + " report starts with " + tags(names));
        }
        for (String name : names) {
            if (name.equals(name())) {
                return name;
            }
        }
        throw new MalformedEvidenceException(where(), "the root element is <" + name() + ">, but a " + formatName
                + " report starts with " + tags(names), "pass the " + formatName + " report, or check that the "
                + "tool wrote the format you expect");
    }

    /** Moves to the next start or end tag. False at the end of the document, which is then known well-formed. */
    boolean next() throws MalformedEvidenceException {
        try {
            if (!atStart && depth > 0 && reader.getEventType() == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        atStart = true;
                        return true;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        atStart = false;
                        return true;
                    }
                    default -> {
                        // text, comments, processing instructions, the DOCTYPE: read on demand or ignored
                    }
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } catch (RuntimeException e) {
            // Some broken input makes the JDK parser throw unchecked exceptions; the file is still what is wrong.
            throw new MalformedEvidenceException(where(), "the file cannot be read as XML (" + e.getMessage() + ")",
                    MALFORMED_FIX);
        }
    }

    boolean atStart() {
        return atStart;
    }

    /** The local name of the current element (namespace prefixes are ignored). */
    String name() {
        return reader.getLocalName();
    }

    /** Nesting depth of the current element: 1 for the root, also while at its end tag. */
    int depth() {
        return depth;
    }

    int line() {
        Location location = reader.getLocation();
        return location == null ? 0 : location.getLineNumber();
    }

    /** "line 12, &lt;testcase&gt;": where a problem is, for messages. */
    String where() {
        int line = line();
        boolean onElement = reader.isStartElement() || reader.isEndElement();
        String element = onElement ? "<" + name() + ">" : "";
        if (line <= 0) {
            return element;
        }
        return onElement ? "line " + line + ", " + element : "line " + line;
    }

    /** The attribute's value, or null when absent. Attributes are matched by local name, without namespace. */
    String attribute(String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(name)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    String requiredAttribute(String name, String fix) throws MalformedEvidenceException {
        String value = attribute(name);
        if (value == null) {
            throw new MalformedEvidenceException(where(), "<" + name() + "> has no '" + name + "' attribute", fix);
        }
        return value;
    }

    /** A whole number of zero or more, or empty when the attribute is absent. */
    OptionalLong count(String name) throws MalformedEvidenceException {
        String value = attribute(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long count = Long.parseLong(value.strip());
            if (count >= 0) {
                return OptionalLong.of(count);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badValue(name, value, "a whole number of zero or more");
    }

    long requiredCount(String name) throws MalformedEvidenceException {
        OptionalLong count = count(name);
        if (count.isEmpty()) {
            throw missing(name, "a whole number of zero or more");
        }
        return count.getAsLong();
    }

    /** A finite decimal number within {@code min..max}, or empty when the attribute is absent. */
    OptionalDouble number(String name, double min, double max) throws MalformedEvidenceException {
        String value = attribute(name);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= min && number <= max) {
                return OptionalDouble.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badValue(name, value, "a number from " + format(min) + " to " + format(max));
    }

    double requiredNumber(String name, double min, double max) throws MalformedEvidenceException {
        OptionalDouble number = number(name, min, max);
        if (number.isEmpty()) {
            throw missing(name, "a number from " + format(min) + " to " + format(max));
        }
        return number.getAsDouble();
    }

    /**
     * The text inside the current element, nested elements' text included, cut at {@code maxChars}. Leaves the
     * cursor at the element's end tag, so the caller's loop does not see it again.
     */
    String text(int maxChars) throws MalformedEvidenceException {
        StringBuilder text = new StringBuilder();
        try {
            int nested = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    nested++;
                } else if (event == XMLStreamConstants.END_ELEMENT && nested-- == 0) {
                    atStart = false;
                    return text.toString();
                } else if (reader.hasText() && event != XMLStreamConstants.COMMENT && text.length() < maxChars) {
                    text.append(reader.getText(), 0, Math.min(reader.getTextLength(), maxChars - text.length()));
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
        throw new MalformedEvidenceException(where(), "the file ends inside an element", MALFORMED_FIX);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing was written; nothing to lose
        }
    }

    private MalformedEvidenceException badValue(String name, String value, String expected) {
        return new MalformedEvidenceException(where(), "<" + name() + "> has " + name + "=\"" + value
                + "\", which is not " + expected, "fix the tool's output or its version; " + name + " must be "
                + expected);
    }

    private MalformedEvidenceException missing(String name, String expected) {
        return new MalformedEvidenceException(where(), "<" + name() + "> has no '" + name + "' attribute",
                "regenerate the report with a tool version that writes it; " + name + " must be " + expected);
    }

    /**
     * Refuses a DOCTYPE with an internal subset. Checked on the text, before parsing, because the JDK parser does
     * not reliably report the DOCTYPE's text when reading from characters.
     */
    private static void refuseInternalSubset(String text) throws MalformedEvidenceException {
        int doctype = doctypeStart(text);
        if (doctype < 0) {
            return;
        }
        char quote = 0;
        for (int i = doctype; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return;
            } else if (c == '[') {
                int line = (int) text.substring(0, doctype).chars().filter(ch -> ch == '\n').count() + 1;
                throw new MalformedEvidenceException("line " + line + ", DOCTYPE", "the file declares its own DTD "
                        + "entities (an internal subset '[...]'), which no evidence format needs and which is how "
                        + "XXE and entity-expansion attacks are built", "produce the report with the tool itself; "
                        + "PCE refuses documents with inline DTD declarations");
            }
        }
    }

    /** Where the prolog's {@code <!DOCTYPE} starts, skipping the XML declaration, comments and PIs; -1 if none. */
    private static int doctypeStart(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("<?", i)) {
                i = after(text, "?>", i);
            } else if (text.startsWith("<!--", i)) {
                i = after(text, "-->", i);
            } else {
                return text.startsWith("<!DOCTYPE", i) ? i : -1;
            }
        }
        return -1;
    }

    private static int after(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    private static MalformedEvidenceException notWellFormed(XMLStreamException e) {
        Location location = e.getLocation();
        String where = location == null || location.getLineNumber() <= 0 ? ""
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return new MalformedEvidenceException(where, "the file is not well-formed XML (" + parserMessage(e) + ")",
                MALFORMED_FIX);
    }

    /** The JDK prefixes its messages with "ParseError at [row,col]:[r,c]\nMessage: "; the location is reported apart. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf("Message: ");
        return (cut >= 0 ? message.substring(cut + "Message: ".length()) : message).strip();
    }

    private static String tags(String... names) {
        return Arrays.stream(names).map(n -> "<" + n + ">").collect(Collectors.joining(" or "));
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
