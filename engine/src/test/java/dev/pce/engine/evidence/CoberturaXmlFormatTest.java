package dev.pce.engine.evidence;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.pce.engine.evidence.Samples.bytes;
import static dev.pce.engine.evidence.Samples.malformed;
import static dev.pce.engine.evidence.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class CoberturaXmlFormatTest {
    private static final CoberturaXmlFormat COBERTURA_XML = new CoberturaXmlFormat();

    @Test
    void readsTheCountsOfAReportWithDoctypeAndPackages() throws Exception {
        CoverageResults results = COBERTURA_XML.parse("coverage.xml", bytes(Samples.COBERTURA));

        assertThat(results.lines()).isEqualTo(new Coverage.Counted(30, 40));
        assertThat(results.branches()).contains(new Coverage.Counted(6, 10));
    }

    @Test
    void aReportWithoutCountsFallsBackToTheRates() throws Exception {
        String xml = """
                <coverage line-rate="0.9" branch-rate="0.5" version="1.9" timestamp="1">
                  <packages><package name="a"><classes><class name="A" filename="A.java">
                    <lines><line number="3" hits="2" branch="true" condition-coverage="50% (1/2)"/></lines>
                  </class></classes></package></packages>
                </coverage>""";
        CoverageResults results = COBERTURA_XML.parse("coverage.xml", utf8(xml));

        assertThat(results.lines()).isEqualTo(new Coverage.Rate(90));
        assertThat(results.branches()).contains(new Coverage.Rate(50));
    }

    @Test
    void noBranchesMeansNoBranchCoverage() throws Exception {
        String counted = "<coverage line-rate=\"1\" branch-rate=\"0\" lines-covered=\"4\" lines-valid=\"4\" "
                + "branches-covered=\"0\" branches-valid=\"0\"/>";
        String rated = "<coverage line-rate=\"1\" branch-rate=\"1\"><packages/></coverage>";

        assertThat(COBERTURA_XML.parse("c.xml", utf8(counted)).branches()).isEqualTo(Optional.empty());
        assertThat(COBERTURA_XML.parse("c.xml", utf8(rated)).branches()).isEqualTo(Optional.empty());
    }

    @Test
    void aRateOutOfRangeOrMissingIsMalformed() {
        assertThat(malformed(() -> COBERTURA_XML.parse("c.xml", utf8("<coverage line-rate=\"75\"/>")))
                .getMessage()).isEqualTo("<coverage> has line-rate=\"75\", which is not a number from 0 to 1");
        assertThat(malformed(() -> COBERTURA_XML.parse("c.xml", utf8("<coverage branch-rate=\"1\"/>")))
                .getMessage()).isEqualTo("<coverage> has no 'line-rate' attribute");
    }

    @Test
    void inconsistentCountsAreMalformed() {
        assertThat(malformed(() -> COBERTURA_XML.parse("c.xml", utf8(
                "<coverage line-rate=\"1\" lines-covered=\"5\" lines-valid=\"4\"/>"))).getMessage())
                .isEqualTo("<coverage> has lines-covered=\"5\" above lines-valid=\"4\"");
        assertThat(malformed(() -> COBERTURA_XML.parse("c.xml", utf8(
                "<coverage line-rate=\"1\" lines-covered=\"5\"/>"))).getMessage())
                .isEqualTo("<coverage> has lines-covered without lines-valid");
        assertThat(malformed(() -> COBERTURA_XML.parse("c.xml", utf8(
                "<coverage line-rate=\"0\" lines-covered=\"0\" lines-valid=\"0\"/>"))).getMessage())
                .contains("measured no code");
    }
}
