package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads JaCoCo's XML report ({@code jacoco.xml}). The totals are the {@code <counter type="LINE|BRANCH" missed=""
 * covered="">} elements directly under {@code <report>}; the counters of packages, classes and methods are
 * checked for well-formed numbers but not summed again. A report without a report-level LINE counter analysed no
 * class and is a problem; one without a BRANCH counter has no branches, so branch coverage is left out.
 */
public final class JacocoXmlFormat extends XmlFormat<CoverageResults> {

    private static final FormatProfile PROFILE = new FormatProfile("JaCoCo XML", ContentSignature.xmlRoot("report"),
            List.of("jacoco.xml"), List.of("*jacoco*"), EnumSet.of(Dimension.COVERAGE));

    public JacocoXmlFormat() {
        super(PROFILE);
    }

    @Override
    CoverageResults read(String source, XmlCursor xml) throws MalformedEvidenceException {
        Coverage lines = null;
        Coverage branches = null;
        while (xml.next()) {
            if (!xml.atStart() || !xml.name().equals("counter")) {
                continue;
            }
            String type = xml.requiredAttribute("type", "regenerate the report with JaCoCo; every <counter> "
                    + "names its type (INSTRUCTION, BRANCH, LINE, ...)");
            long missed = xml.requiredCount("missed");
            long covered = xml.requiredCount("covered");
            boolean reportLevel = xml.depth() == 2;
            if (reportLevel && missed + covered > 0) {
                if (type.equals("LINE")) {
                    lines = new Coverage.Counted(covered, missed + covered);
                } else if (type.equals("BRANCH")) {
                    branches = new Coverage.Counted(covered, missed + covered);
                }
            }
        }
        if (lines == null) {
            throw new MalformedEvidenceException("<report>", "the report has no report-level LINE counter, so "
                    + "it measured no code", "run the tests with the JaCoCo agent before jacoco:report, and "
                    + "check that the report covers the module's classes");
        }
        return new CoverageResults(source, lines, Optional.ofNullable(branches));
    }
}
