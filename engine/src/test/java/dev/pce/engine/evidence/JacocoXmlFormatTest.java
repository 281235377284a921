package dev.pce.engine.evidence;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.pce.engine.evidence.Samples.bytes;
import static dev.pce.engine.evidence.Samples.malformed;
import static dev.pce.engine.evidence.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JacocoXmlFormatTest {
    private static final JacocoXmlFormat JACOCO_XML = new JacocoXmlFormat();

    @Test
    void readsTheReportLevelCountersOfAReportWithDoctype() throws Exception {
        CoverageResults results = JACOCO_XML.parse("jacoco.xml", bytes(Samples.JACOCO));

        assertThat(results.lines()).isEqualTo(new Coverage.Counted(17, 29));
        assertThat(results.branches()).contains(new Coverage.Counted(5, 12));
        assertThat(results.lines().percent()).isCloseTo(58.62, within(0.01));
    }

    @Test
    void aReportWithoutBranchesHasNoBranchCoverage() throws Exception {
        String xml = """
                <report name="r"><package name="p"><counter type="LINE" missed="1" covered="3"/></package>
                <counter type="INSTRUCTION" missed="4" covered="12"/><counter type="LINE" missed="1" covered="3"/>
                </report>""";
        CoverageResults results = JACOCO_XML.parse("jacoco.xml", utf8(xml));

        assertThat(results.lines().percent()).isEqualTo(75.0);
        assertThat(results.branches()).isEqualTo(Optional.empty());
    }

    @Test
    void aNonNumericCounterIsMalformedEvenBelowTheReportLevel() {
        MalformedEvidenceException e = malformed(() ->
                JACOCO_XML.parse("jacoco.xml", bytes("broken/jacoco-bad-counter.xml")));

        assertThat(e.describe()).contains("<counter> has missed=\"three\", which is not a whole number of zero or "
                + "more", "Fix:");
    }

    @Test
    void aReportWithoutALineCounterMeasuredNothing() {
        String xml = "<report name=\"empty\"><sessioninfo id=\"s\" start=\"1\" dump=\"2\"/></report>";
        assertThat(malformed(() -> JACOCO_XML.parse("jacoco.xml", utf8(xml))).getMessage())
                .contains("no report-level LINE counter");
    }

    @Test
    void aCounterWithoutTypeOrCountIsMalformed() {
        assertThat(malformed(() -> JACOCO_XML.parse("j.xml",
                utf8("<report><counter missed=\"1\" covered=\"2\"/></report>"))).getMessage())
                .isEqualTo("<counter> has no 'type' attribute");
        assertThat(malformed(() -> JACOCO_XML.parse("j.xml",
                utf8("<report><counter type=\"LINE\" covered=\"2\"/></report>"))).getMessage())
                .isEqualTo("<counter> has no 'missed' attribute");
    }

    @Test
    void anotherRootIsNotJacoco() {
        assertThat(malformed(() -> JACOCO_XML.parse("j.xml", bytes(Samples.COBERTURA))).getMessage())
                .isEqualTo("the root element is <coverage>, but a JaCoCo XML report starts with <report>");
    }
}
