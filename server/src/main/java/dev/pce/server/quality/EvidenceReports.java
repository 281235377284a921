package dev.pce.server.quality;

import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.evidence.AnalysisResults;
import dev.pce.engine.evidence.CoverageResults;
import dev.pce.engine.evidence.EvidenceMerger;
import dev.pce.engine.evidence.ParsedFile;
import dev.pce.engine.evidence.TestResults;
import dev.pce.engine.evidence.UnreadableFile;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns parsed evidence files into the reports a workflow stores: one per file, keyed by its path, so the file
 * read again after the next test run replaces what it said before.
 */
public final class EvidenceReports {

    private EvidenceReports() {
    }

    public static EvidenceReported of(ParsedFile file) {
        Evidence evidence = EvidenceMerger.merge(List.of(file));
        Set<Dimension> dimensions = dimensions(file);
        List<EvidenceSource> sources = dimensions.isEmpty() ? List.of()
                : List.of(new EvidenceSource(file.source(), dimensions));
        return new EvidenceReported(file.source(), evidence.measurements(), evidence.findings(), evidence.problems(),
                sources);
    }

    /**
     * What the file reports on. An unreadable file is judged by its name (a file called like a JUnit report was
     * meant for the tests); one that says nothing concerns every dimension, so no gate passes because of it.
     */
    static Set<Dimension> dimensions(ParsedFile file) {
        return switch (file) {
            case TestResults tests -> EnumSet.of(Dimension.TESTS);
            case CoverageResults coverage -> EnumSet.of(Dimension.COVERAGE);
            case AnalysisResults analysis -> analysis.dimensions().isEmpty()
                    ? EnumSet.of(Dimension.LINT, Dimension.SECURITY) : EnumSet.copyOf(analysis.dimensions());
            case UnreadableFile unreadable -> byName(unreadable.source());
        };
    }

    private static Set<Dimension> byName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.startsWith("test-") || name.contains("junit")) {
            return EnumSet.of(Dimension.TESTS);
        }
        if (name.contains("jacoco") || name.contains("cobertura") || name.contains("coverage")
                || name.contains("lcov")) {
            return EnumSet.of(Dimension.COVERAGE);
        }
        if (name.contains("sarif")) {
            return EnumSet.of(Dimension.LINT, Dimension.SECURITY);
        }
        return EnumSet.noneOf(Dimension.class);
    }
}
