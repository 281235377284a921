package dev.pce.server.quality;

/**
 * Small evidence reports in the formats CI tools write, for the tests that run {@code ce gate} on files: a Surefire
 * report of dev.example.StoreTest, a JaCoCo report and an ESLint SARIF log.
 */
public final class EvidenceSamples {
    private EvidenceSamples() {
    }

    /** A Surefire report of three tests of dev.example.StoreTest, the first {@code failures} failing at line 12. */
    public static String surefire(int failures) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
                + "dev.example.StoreTest\" tests=\"3\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\">\n");
        for (int i = 0; i < 3; i++) {
            xml.append("  <testcase name=\"t").append(i).append("\" classname=\"dev.example.StoreTest\" time=\"0.01\"");
            xml.append(i < failures ? "><failure message=\"expected 2 but was 3\" type=\"AssertionError\">"
                    + "java.lang.AssertionError: expected 2 but was 3\n\tat dev.example.StoreTest.t" + i
                    + "(StoreTest.java:12)</failure></testcase>\n" : "/>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** A JaCoCo report covering {@code percent} of 100 lines (and no branches). */
    public static String jacoco(int percent) {
        return jacoco(percent, "");
    }

    /** A JaCoCo report covering {@code percent} of 100 lines, {@code branchesMissed} of 100 branches missed. */
    public static String jacoco(int percent, int branchesMissed) {
        return jacoco(percent, "<counter type=\"BRANCH\" missed=\"" + branchesMissed + "\" covered=\""
                + (100 - branchesMissed) + "\"/>");
    }

    private static String jacoco(int percent, String moreCounters) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!DOCTYPE report PUBLIC "
                + "\"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\"><report name=\"store\">"
                + "<sessioninfo id=\"s\" start=\"1\" dump=\"2\"/>"
                + "<counter type=\"LINE\" missed=\"" + (100 - percent) + "\" covered=\"" + percent + "\"/>"
                + moreCounters + "</report>";
    }

    /** An ESLint SARIF log with one result of {@code level} in src/Db.js spanning lines. */
    public static String sarif(String level, int startLine, int endLine) {
        return """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "ESLint"}}, "results": [
                  {"ruleId": "no-eval", "level": "%s", "message": {"text": "eval of user input, 100%% unsafe"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/Db.js"},
                                  "region": {"startLine": %d, "endLine": %d}}}]}]}]}
                """.formatted(level, startLine, endLine);
    }
}
