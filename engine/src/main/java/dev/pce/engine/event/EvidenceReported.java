package dev.pce.engine.event;

import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.EvidenceSource;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.Measurement;

import java.util.List;
import java.util.Objects;

/**
 * Quality evidence for a workflow's gates: read from CI's files (JUnit XML, coverage, SARIF) or reported by an
 * agent. A later report with the same {@code key} replaces an earlier one (the tests ran again); reports with
 * other keys add up.
 *
 * @param key     what the report is of: the evidence file's path, or "agent:&lt;name&gt;:&lt;dimension&gt;"
 * @param sources which dimensions each read file was meant to feed, so a broken file fails those only
 */
public record EvidenceReported(String key, List<Measurement> measurements, List<Finding> findings,
                               List<EvidenceProblem> problems, List<EvidenceSource> sources)
        implements EventPayload {
    public static final String TYPE = "gate.evidence_reported";

    public EvidenceReported {
        Objects.requireNonNull(key, "key");
        measurements = List.copyOf(measurements);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public Evidence evidence() {
        return new Evidence(measurements, findings, problems);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
