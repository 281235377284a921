package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;

import java.util.Collections;
import java.util.EnumSet;
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
}
