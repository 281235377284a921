package dev.pce.engine.workflow;

import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a workflow knows about its quality: the latest evidence report per key, the latest evaluation per gate,
 * and the tasks added to remediate. Immutable; each event gives a new record.
 *
 * @param evidence         the latest report per key, in the order keys first appeared
 * @param evidenceSeq      the sequence number of the last evidence report (0: none yet)
 * @param gates            the latest evaluation per gate, in the order gates were first judged
 * @param remediation      every task any evaluation added to make a gate pass: these may always be claimed
 */
public record GateRecord(List<EvidenceReported> evidence, long evidenceSeq, List<GateEvaluated> gates,
                         List<String> remediation) {
    public static final GateRecord EMPTY = new GateRecord(List.of(), 0, List.of(), List.of());

    public GateRecord {
        evidence = List.copyOf(evidence);
        gates = List.copyOf(gates);
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
    }

    GateRecord withEvidence(EvidenceReported report, long seq) {
        Map<String, EvidenceReported> byKey = new LinkedHashMap<>();
        evidence.forEach(existing -> byKey.put(existing.key(), existing));
        byKey.put(report.key(), report);
        return new GateRecord(new ArrayList<>(byKey.values()), seq, gates, remediation);
    }

    GateRecord withGate(GateEvaluated evaluation) {
        Map<String, GateEvaluated> byGate = new LinkedHashMap<>();
        gates.forEach(existing -> byGate.put(existing.gate(), existing));
        byGate.put(evaluation.gate(), evaluation);
        List<String> tasks = new ArrayList<>(remediation);
        evaluation.remediationTasks().stream().filter(id -> !tasks.contains(id)).forEach(tasks::add);
        return new GateRecord(evidence, evidenceSeq, new ArrayList<>(byGate.values()), tasks);
    }

    /**
     * Whether anything besides reviews reported evidence (CI files, agents): only then do gates judge on their
     * own at the end of a wave. A workflow that only uses reviews is not held for missing test reports.
     */
    public boolean hasReportedEvidence() {
        return evidence.stream().anyMatch(report -> !report.key().startsWith(REVIEW_KEY_PREFIX));
    }

    /** The key prefix of the evidence reviews give (see the review command). */
    public static final String REVIEW_KEY_PREFIX = "review-of:";

    /** All current evidence together. */
    public Evidence currentEvidence() {
        return new Evidence(evidence.stream().flatMap(report -> report.measurements().stream()).toList(),
                evidence.stream().flatMap(report -> report.findings().stream()).toList(),
                evidence.stream().flatMap(report -> report.problems().stream()).toList());
    }

    /** Which dimensions each reported file feeds. */
    public List<EvidenceSource> sources() {
        return evidence.stream().flatMap(report -> report.sources().stream()).toList();
    }

    /** The latest evaluation of {@code gate}. */
    public Optional<GateEvaluated> latest(String gate) {
        return gates.stream().filter(evaluation -> evaluation.gate().equals(gate)).findFirst();
    }

    /** The gates whose latest evaluation blocks. */
    public List<GateEvaluated> holding() {
        return gates.stream().filter(GateEvaluated::blocking).toList();
    }

}
