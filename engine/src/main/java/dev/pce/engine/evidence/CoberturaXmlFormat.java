package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads Cobertura XML ({@code coverage.xml}, {@code cobertura*.xml}), as written by Cobertura, coverage.py, gcovr
 * and istanbul. The totals are the root {@code <coverage>} attributes: {@code lines-covered}/{@code lines-valid}
 * and {@code branches-covered}/{@code branches-valid} when present (so reports can be summed), otherwise the
 * required {@code line-rate} and {@code branch-rate} (0..1). Branch coverage is left out when
 * {@code branches-valid} is 0, or, for a report without counts, when no {@code <line branch="true">} exists.
 */
public final class CoberturaXmlFormat extends XmlFormat<CoverageResults> {

    private static final FormatProfile PROFILE = new FormatProfile("Cobertura XML",
            ContentSignature.xmlRoot("coverage"), List.of("cobertura*.xml", "coverage.xml"),
            List.of("*cobertura*", "*coverage*"), EnumSet.of(Dimension.COVERAGE));

    public CoberturaXmlFormat() {
        super(PROFILE);
    }

    @Override
    CoverageResults read(String source, XmlCursor xml) throws MalformedEvidenceException {
        double lineRate = xml.requiredNumber("line-rate", 0, 1);
        OptionalDouble branchRate = xml.number("branch-rate", 0, 1);
        Optional<Coverage> lineCounts = counts(xml, "lines-covered", "lines-valid");
        if (lineCounts.isEmpty() && xml.attribute("lines-valid") != null) {
            throw new MalformedEvidenceException(xml.where(), "the report has lines-valid=\"0\", so it "
                    + "measured no code", "check that the coverage run included the sources (for coverage.py, "
                    + "its source setting)");
        }
        Optional<Coverage> branchCounts = counts(xml, "branches-covered", "branches-valid");
        boolean branchCountsGiven = xml.attribute("branches-valid") != null;
        boolean anyBranchLine = false;
        while (xml.next()) {
            if (xml.atStart() && xml.name().equals("line")) {
                anyBranchLine |= "true".equalsIgnoreCase(xml.attribute("branch"));
            }
        }
        Coverage lines = lineCounts.orElse(new Coverage.Rate(100 * lineRate));
        Optional<Coverage> branches = branchCounts;
        if (!branchCountsGiven && anyBranchLine && branchRate.isPresent()) {
            branches = Optional.of(new Coverage.Rate(100 * branchRate.getAsDouble()));
        }
        return new CoverageResults(source, lines, branches);
    }

    /** covered/valid when the report has both; empty when it has neither or valid is 0. */
    private static Optional<Coverage> counts(XmlCursor xml, String coveredName, String validName)
            throws MalformedEvidenceException {
        OptionalLong covered = xml.count(coveredName);
        OptionalLong valid = xml.count(validName);
        if (covered.isEmpty() != valid.isEmpty()) {
            throw new MalformedEvidenceException(xml.where(), "<coverage> has " + (covered.isPresent() ? coveredName
                    : validName) + " without " + (covered.isPresent() ? validName : coveredName),
                    "regenerate the report; the two counts come together");
        }
        if (valid.isEmpty() || valid.getAsLong() == 0) {
            return Optional.empty();
        }
        if (covered.getAsLong() > valid.getAsLong()) {
            throw new MalformedEvidenceException(xml.where(), "<coverage> has " + coveredName + "=\""
                    + covered.getAsLong() + "\" above " + validName + "=\"" + valid.getAsLong() + "\"",
                    "regenerate the report; more items cannot be covered than exist");
        }
        return Optional.of(new Coverage.Counted(covered.getAsLong(), valid.getAsLong()));
    }
}
