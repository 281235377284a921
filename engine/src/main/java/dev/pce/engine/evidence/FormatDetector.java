package dev.pce.engine.evidence;

/**
 * Tells an evidence file's format from its content, never from its name (CI jobs rename files freely):
 * <ul>
 *   <li>XML, by its root element: {@code <testsuites>} or {@code <testsuite>} is JUnit XML, {@code <report>} is
 *       JaCoCo, {@code <coverage>} is Cobertura;</li>
 *   <li>a JSON object is SARIF, the only JSON format read; the SARIF parser then insists on {@code version} 2.1.0
 *       and {@code runs};</li>
 *   <li>text whose first non-blank line starts with {@code TN:} or {@code SF:} is an LCOV tracefile.</li>
 * </ul>
 * An empty file, a binary one (a NUL byte in its first 8 KiB) or anything else is malformed evidence.
 */
public final class FormatDetector {

    private static final int BINARY_PROBE_BYTES = 8 * 1024;
    private static final int HEAD_BYTES = 4 * 1024;
    private static final String EXPECTED = "JUnit XML, JaCoCo XML, Cobertura XML, LCOV or SARIF";

    private FormatDetector() {
    }

    public static EvidenceFormat detect(byte[] content) throws MalformedEvidenceException {
        for (int i = 0; i < Math.min(content.length, BINARY_PROBE_BYTES); i++) {
            if (content[i] == 0) {
                throw new MalformedEvidenceException("byte " + i, "the file is binary, not a text report",
                        "pass the tool's " + EXPECTED + " report itself, not an archive or a binary format");
            }
        }
        int first = firstSignificantByte(content);
        if (first < 0) {
            throw new MalformedEvidenceException("", "the file is empty", "check that the tool ran to the end and "
                    + "wrote its report; an empty report is never a pass");
        }
        return switch (content[first]) {
            case '<' -> xmlFormat(content);
            case '{' -> EvidenceFormat.SARIF;
            default -> textFormat(content);
        };
    }

    private static EvidenceFormat xmlFormat(byte[] content) throws MalformedEvidenceException {
        try (XmlCursor xml = XmlCursor.open(content)) {
            String root = xml.requireRoot("known evidence", "testsuites", "testsuite", "report", "coverage");
            return switch (root) {
                case "report" -> EvidenceFormat.JACOCO_XML;
                case "coverage" -> EvidenceFormat.COBERTURA_XML;
                default -> EvidenceFormat.JUNIT_XML;
            };
        }
    }

    private static EvidenceFormat textFormat(byte[] content) throws MalformedEvidenceException {
        String head = Utf8Text.decode(content, HEAD_BYTES);
        String firstLine = head.strip().lines().findFirst().orElse("");
        if (firstLine.startsWith("TN:") || firstLine.startsWith("SF:")) {
            return EvidenceFormat.LCOV;
        }
        String shown = firstLine.length() <= 40 ? firstLine : firstLine.substring(0, 40) + "…";
        throw new MalformedEvidenceException("line 1", "the file is of no known evidence format (it starts with '"
                + shown + "')", "pass a " + EXPECTED + " report");
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
