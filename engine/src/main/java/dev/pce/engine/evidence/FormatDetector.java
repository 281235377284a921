package dev.pce.engine.evidence;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells an evidence file's format from its content, never from its name (CI jobs rename files freely), by the
 * formats' {@link ContentSignature}s, tried in the order of the formats:
 * <ul>
 *   <li>XML, by its root element ({@link ContentSignature.XmlRoot}): {@code <testsuites>} or {@code <testsuite>}
 *       is JUnit XML, {@code <report>} JaCoCo, {@code <coverage>} Cobertura; another root is a problem;</li>
 *   <li>a JSON object ({@link ContentSignature.JsonObject}) is SARIF, the only JSON format read; the SARIF reader
 *       then insists on {@code version} 2.1.0 and {@code runs};</li>
 *   <li>text by its first non-blank line ({@link ContentSignature.FirstLine}): {@code TN:} or {@code SF:} starts an
 *       LCOV tracefile.</li>
 * </ul>
 * An empty file, a binary one (a NUL byte in its first 8 KiB) or anything else is malformed evidence.
 */
final class FormatDetector {

    private static final int BINARY_PROBE_BYTES = 8 * 1024;
    private static final int HEAD_BYTES = 4 * 1024;

    private final List<EvidenceFormat> formats;
    /** The names of the formats, for messages. */
    private final String expected;
    /** Every root element an XML format starts with, in the formats' order. */
    private final List<String> xmlRoots;

    FormatDetector(List<EvidenceFormat> formats, String expected) {
        this.formats = formats;
        this.expected = expected;
        this.xmlRoots = formats.stream().map(EvidenceFormat::signature)
                .flatMap(signature -> signature instanceof ContentSignature.XmlRoot xml ? xml.elements().stream()
                        : Stream.empty()).toList();
    }

    EvidenceFormat detect(byte[] content) throws MalformedEvidenceException {
        for (int i = 0; i < Math.min(content.length, BINARY_PROBE_BYTES); i++) {
            if (content[i] == 0) {
                throw new MalformedEvidenceException("byte " + i, "the file is binary, not a text report",
                        "pass the tool's " + expected + " report itself, not an archive or a binary format");
            }
        }
        int first = firstSignificantByte(content);
        if (first < 0) {
            throw new MalformedEvidenceException("", "the file is empty", "check that the tool ran to the end and "
                    + "wrote its report; an empty report is never a pass");
        }
        if (content[first] == '<' && !xmlRoots.isEmpty()) {
            return xmlFormat(content);
        }
        Optional<EvidenceFormat> json = formats.stream()
                .filter(format -> format.signature() instanceof ContentSignature.JsonObject).findFirst();
        if (content[first] == '{' && json.isPresent()) {
            return json.get();
        }
        return textFormat(content);
    }

    private EvidenceFormat xmlFormat(byte[] content) throws MalformedEvidenceException {
        String root;
        try (XmlCursor xml = XmlCursor.open(content)) {
            root = xml.requireRoot("known evidence", xmlRoots.toArray(String[]::new));
        }
        return formats.stream().filter(format -> format.signature() instanceof ContentSignature.XmlRoot xml
                && xml.elements().contains(root)).findFirst().orElseThrow();
    }

    private EvidenceFormat textFormat(byte[] content) throws MalformedEvidenceException {
        String head = Utf8Text.decode(content, HEAD_BYTES);
        String firstLine = head.strip().lines().findFirst().orElse("");
        for (EvidenceFormat format : formats) {
            if (format.signature() instanceof ContentSignature.FirstLine text
                    && text.prefixes().stream().anyMatch(firstLine::startsWith)) {
                return format;
            }
        }
        String shown = firstLine.length() <= 40 ? firstLine : firstLine.substring(0, 40) + "…";
        throw new MalformedEvidenceException("line 1", "the file is of no known evidence format (it starts with '"
                + shown + "')", "pass a " + expected + " report");
    }

    /** Index of the first byte that is not whitespace or a UTF-8 byte order mark; -1 when there is none. */
    private static int firstSignificantByte(byte[] content) {
        for (int i = Utf8Text.hasBom(content) ? 3 : 0; i < content.length; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }
}
