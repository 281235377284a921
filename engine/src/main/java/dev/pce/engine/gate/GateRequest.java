package dev.pce.engine.gate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a gate judges.
 *
 * @param projectType the repository's type; the rules adapt thresholds and severities to it
 * @param evidence    the measurements, findings and unreadable files gathered for the change
 * @param sources     which dimensions each evidence file feeds, so that an unreadable file errs only those
 *                    (see {@link EvidenceSource}); may be empty
 * @param adjustments thresholds set from outside the rules (learned patterns), applied after the rules chose
 *                    theirs; may be empty
 * @param required    dimensions required from outside the rules (the project's configuration), on top of those the
 *                    rules require for the project type; may be empty
 * @param deferred    required dimensions this gate does not wait for, since its work cannot have produced them yet
 *                    (a wave gate before the review); may be empty
 */
public record GateRequest(ProjectType projectType, Evidence evidence, List<EvidenceSource> sources,
                          List<ThresholdAdjustment> adjustments, List<DimensionRequirement> required,
                          List<DeferredRequirement> deferred) {

    public GateRequest {
        Objects.requireNonNull(projectType, "projectType");
        Objects.requireNonNull(evidence, "evidence");
        sources = List.copyOf(sources);
        adjustments = List.copyOf(adjustments);
        required = List.copyOf(required);
        deferred = List.copyOf(deferred);
    }

    /** A request that defers no dimension. */
    public GateRequest(ProjectType projectType, Evidence evidence, List<EvidenceSource> sources,
                       List<ThresholdAdjustment> adjustments, List<DimensionRequirement> required) {
        this(projectType, evidence, sources, adjustments, required, List.of());
    }

    /** A request without sources, adjustments or requirements of its own. */
    public static GateRequest of(ProjectType projectType, Evidence evidence) {
        return new GateRequest(projectType, evidence, List.of(), List.of(), List.of());
    }

    public GateRequest withSources(List<EvidenceSource> more) {
        return new GateRequest(projectType, evidence, concat(sources, more), adjustments, required, deferred);
    }

    public GateRequest withAdjustments(List<ThresholdAdjustment> more) {
        return new GateRequest(projectType, evidence, sources, concat(adjustments, more), required, deferred);
    }

    public GateRequest withRequired(List<DimensionRequirement> more) {
        return new GateRequest(projectType, evidence, sources, adjustments, concat(required, more), deferred);
    }

    public GateRequest withDeferred(List<DeferredRequirement> more) {
        return new GateRequest(projectType, evidence, sources, adjustments, required, concat(deferred, more));
    }

    /** The dimensions {@code problem}'s file was meant to feed; every dimension when no source names the file. */
    public Set<Dimension> dimensionsOf(EvidenceProblem problem) {
        Set<Dimension> fed = EnumSet.noneOf(Dimension.class);
        for (EvidenceSource source : sources) {
            if (source.file().equals(problem.file())) {
                fed.addAll(source.dimensions());
            }
        }
        return fed.isEmpty() ? EnumSet.allOf(Dimension.class) : fed;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
