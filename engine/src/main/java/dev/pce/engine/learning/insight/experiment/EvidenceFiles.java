package dev.pce.engine.learning.insight.experiment;

/**
 * Evidence files as CI writes them, for the experiment's gates: a Surefire test report and a JaCoCo coverage
 * report, read by the engine's own readers like any project's.
 */
final class EvidenceFiles {
    private EvidenceFiles() {
    }

    /** A Surefire report of {@code total} tests of dev.example.StoreTest, the first {@code failures} failing. */
    static String surefire(int total, int failures) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
                + "dev.example.StoreTest\" tests=\"" + total + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\">\n");
        for (int i = 0; i < total; i++) {
            xml.append("  <testcase name=\"t").append(i).append("\" classname=\"dev.example.StoreTest\" time=\"0.01\"");
            xml.append(i < failures ? "><failure message=\"expected 2 but was 3\" type=\"AssertionError\">"
                    + "java.lang.AssertionError: expected 2 but was 3</failure></testcase>\n" : "/>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** A JaCoCo report covering {@code percent} of 100 lines. */
    static String jacoco(int percent) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><report name=\"store\">"
                + "<sessioninfo id=\"s\" start=\"1\" dump=\"2\"/>"
                + "<counter type=\"LINE\" missed=\"" + (100 - percent) + "\" covered=\"" + percent + "\"/></report>";
    }
}
