package dev.pce.engine.gate;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which dimensions an evidence file was meant to feed. An {@link EvidenceProblem} names only its file; this says
 * which criteria cannot be judged when that file could not be read. A problem whose file has no source is taken
 * to concern every dimension.
 *
 * @param file       the path as given, equal to {@link EvidenceProblem#file()}
 * @param dimensions what the file reports on (a SARIF file of a scanner may feed lint and security)
 */
public record EvidenceSource(String file, Set<Dimension> dimensions) {

    public EvidenceSource {
        Objects.requireNonNull(file, "file");
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("evidence source " + file + " feeds no dimension; name at least one");
        }
        dimensions = Set.copyOf(EnumSet.copyOf(dimensions));
    }

    public static EvidenceSource of(String file, Dimension first, Dimension... more) {
        return new EvidenceSource(file, EnumSet.of(first, more));
    }
}
