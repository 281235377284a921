package dev.pce.engine.gate;

import java.util.ArrayList;
import java.util.List;

/** Everything known about a change's quality: measured values, findings, and evidence that could not be read. */
public record Evidence(List<Measurement> measurements, List<Finding> findings, List<EvidenceProblem> problems) {

    public static final Evidence EMPTY = new Evidence(List.of(), List.of(), List.of());

    public Evidence {
        measurements = List.copyOf(measurements);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    public static Evidence of(List<Measurement> measurements, List<Finding> findings) {
        return new Evidence(measurements, findings, List.of());
    }

    public static Evidence problem(String file, String message) {
        return new Evidence(List.of(), List.of(), List.of(new EvidenceProblem(file, message)));
    }

    /** This evidence and {@code other} together, in order. */
    public Evidence plus(Evidence other) {
        return new Evidence(concat(measurements, other.measurements), concat(findings, other.findings),
                concat(problems, other.problems));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
