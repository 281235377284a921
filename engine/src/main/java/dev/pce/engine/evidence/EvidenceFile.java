package dev.pce.engine.evidence;

import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceSource;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One evidence file as a reader read it: what it said, or why it could not be read, and the dimensions it reports
 * on. Those come from its format, or, for a file that could not be read, from its name
 * ({@link EvidenceFormats#dimensionsByName}); none when neither tells.
 */
public record EvidenceFile(ParsedFile parsed, Set<Dimension> dimensions) {

    public EvidenceFile {
        Objects.requireNonNull(parsed, "parsed");
        Set<Dimension> ordered = EnumSet.noneOf(Dimension.class);
        ordered.addAll(dimensions);
        dimensions = Collections.unmodifiableSet(ordered);
    }

    /** The file, as the caller named it (the path given, or the path found under a given directory). */
    public String source() {
        return parsed.source();
    }

    /**
     * What a workflow stores of this file: what it said (its problem, when it could not be read), keyed by its path,
     * and the dimensions it feeds, so a broken file fails those and no others.
     */
    public EvidenceReported report() {
        Evidence evidence = EvidenceMerger.merge(List.of(parsed));
        List<EvidenceSource> sources = dimensions.isEmpty() ? List.of()
                : List.of(new EvidenceSource(source(), dimensions));
        return new EvidenceReported(source(), evidence.measurements(), evidence.findings(), evidence.problems(),
                sources);
    }
}
