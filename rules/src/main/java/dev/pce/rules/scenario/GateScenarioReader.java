package dev.pce.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.EvidenceSource;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.ThresholdAdjustment;
import dev.pce.engine.gate.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario of the gate rules: {@code name}, optional {@code description}, {@code project_type},
 * optional {@code evidence} ({@code measurements}, {@code findings}, {@code problems}), optional
 * {@code adjustments}, optional {@code required} (dimensions the project's configuration requires), and either {@code expect} ({@code blocking} and/or {@code criteria}) or
 * {@code expect_error}. docs/rules.md ("Gate scenarios") describes every field.
 */
final class GateScenarioReader {
    /**
     * The sources of measurements and findings a scenario does not attribute. They differ, so that findings add
     * to counts given as measurements (each source's count of a severity beats its own findings).
     */
    static final String MEASUREMENTS_SOURCE = "measurements";
    static final String FINDINGS_SOURCE = "findings";

    /** The origin of a scenario's {@code required} dimensions, as reasons name it. */
    static final String REQUIRED_ORIGIN = "the scenario's required";

    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "project_type", "evidence",
            "adjustments", "required", "expect", "expect_error");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("measurements", "findings", "problems");
    private static final Set<String> MEASUREMENT_FIELDS = Set.of("metric", "value", "source");
    private static final Set<String> FINDING_FIELDS = Set.of("dimension", "severity", "file", "line", "rule",
            "message", "source");
    private static final Set<String> PROBLEM_FIELDS = Set.of("file", "message", "feeds");
    private static final Set<String> ADJUSTMENT_FIELDS = Set.of("metric", "threshold", "origin", "project_type");
    private static final Set<String> EXPECT_FIELDS = Set.of("blocking", "criteria");
    private static final Set<String> CRITERION_FIELDS = Set.of("criterion", "verdict", "threshold", "measured",
            "severity", "required", "rule", "reason", "remediation");
    private static final Set<String> REMEDIATION_FIELDS = Set.of("pool", "title", "files");

    private final ScenarioNodes nodes;

    GateScenarioReader(ScenarioNodes nodes) {
        this.nodes = nodes;
    }

    GateScenario scenario(JsonNode node, String where) {
        nodes.object(node, where, SCENARIO_FIELDS);
        String name = nodes.requiredText(node, "name", where);
        String at = where + " ('" + name + "')";
        ProjectType type = nodes.parsed(nodes.requiredText(node, "project_type", at), at + ".project_type",
                ProjectType::parse);
        JsonNode evidenceNode = node.get("evidence");
        Evidence evidence = evidenceNode == null ? Evidence.EMPTY : evidence(evidenceNode, at + ".evidence");
        List<EvidenceSource> sources = evidenceNode == null ? List.of()
                : nodes.list(evidenceNode, "problems", at + ".evidence", this::source).stream()
                .flatMap(Optional::stream).toList();
        List<String> required = nodes.texts(node, "required", at);
        List<DimensionRequirement> requirements = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            requirements.add(new DimensionRequirement(nodes.parsed(required.get(i), at + ".required[" + i + "]",
                    Dimension::parse), REQUIRED_ORIGIN));
        }
        GateRequest request = new GateRequest(type, evidence, sources,
                nodes.list(node, "adjustments", at, this::adjustment), requirements);

        List<String> expectError = nodes.texts(node, "expect_error", at);
        JsonNode expect = node.get("expect");
        if (expect == null && expectError.isEmpty()) {
            throw nodes.problem(at, "needs 'expect' (blocking and/or criteria) or 'expect_error'");
        }
        if (expect != null && !expectError.isEmpty()) {
            throw nodes.problem(at, "has both 'expect' and 'expect_error'; a gate either judges or fails");
        }
        Optional<Boolean> blocking = Optional.empty();
        List<ExpectedCriterion> criteria = List.of();
        if (expect != null) {
            nodes.object(expect, at + ".expect", EXPECT_FIELDS);
            if (expect.isEmpty()) {
                throw nodes.problem(at + ".expect", "needs 'blocking', 'criteria' or both");
            }
            blocking = nodes.bool(expect, "blocking", at + ".expect");
            criteria = nodes.list(expect, "criteria", at + ".expect", this::criterion);
        }
        return new GateScenario(nodes.file(), name, nodes.text(node, "description", where).orElse(""), request,
                blocking, criteria, expectError);
    }

    private Evidence evidence(JsonNode node, String where) {
        nodes.object(node, where, EVIDENCE_FIELDS);
        return new Evidence(measurements(node, where), nodes.list(node, "findings", where, this::finding),
                nodes.list(node, "problems", where, this::problem));
    }

    /** A list of {metric, value, source?}, or a map from metric to value. */
    private List<Measurement> measurements(JsonNode evidence, String where) {
        JsonNode node = evidence.get("measurements");
        if (node == null || !node.isObject()) {
            return nodes.list(evidence, "measurements", where, this::measurement);
        }
        List<Measurement> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String at = where + ".measurements." + field.getKey();
            if (!field.getValue().isNumber()) {
                throw nodes.problem(at, "must be a number");
            }
            result.add(measurement(field.getKey(), field.getValue().doubleValue(), MEASUREMENTS_SOURCE, at));
        }
        return result;
    }

    private Measurement measurement(JsonNode node, String where) {
        nodes.object(node, where, MEASUREMENT_FIELDS);
        double value = nodes.number(node, "value", where).orElseThrow(() -> nodes.problem(where, "needs 'value'"));
        return measurement(nodes.requiredText(node, "metric", where), value,
                nodes.text(node, "source", where).orElse(MEASUREMENTS_SOURCE), where);
    }

    private Measurement measurement(String metric, double value, String source, String where) {
        Dimension dimension = nodes.parsed(metric, where + " (metric '" + metric + "')",
                ThresholdAdjustment::dimensionOf);
        return new Measurement(dimension, metric, value, source);
    }

    private Finding finding(JsonNode node, String where) {
        nodes.object(node, where, FINDING_FIELDS);
        Dimension dimension = nodes.parsed(nodes.requiredText(node, "dimension", where), where + ".dimension",
                Dimension::parse);
        FindingSeverity severity = nodes.parsed(nodes.requiredText(node, "severity", where), where + ".severity",
                GateScenarioReader::findingSeverity);
        int line = (int) nodes.number(node, "line", where).orElse(0);
        return Finding.at(dimension, nodes.text(node, "rule", where).orElse(""), severity,
                nodes.text(node, "file", where).orElse(""), line, nodes.text(node, "message", where).orElse(""),
                nodes.text(node, "source", where).orElse(FINDINGS_SOURCE));
    }

    private EvidenceProblem problem(JsonNode node, String where) {
        nodes.object(node, where, PROBLEM_FIELDS);
        return new EvidenceProblem(nodes.requiredText(node, "file", where), nodes.requiredText(node, "message", where));
    }

    /** The dimensions a problem's file feeds, when the scenario says ({@code feeds}). */
    private Optional<EvidenceSource> source(JsonNode node, String where) {
        List<String> feeds = nodes.texts(node, "feeds", where);
        if (feeds.isEmpty()) {
            return Optional.empty();
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            dimensions.add(nodes.parsed(feeds.get(i), where + ".feeds[" + i + "]", Dimension::parse));
        }
        return Optional.of(new EvidenceSource(nodes.requiredText(node, "file", where), Set.copyOf(dimensions)));
    }

    private ThresholdAdjustment adjustment(JsonNode node, String where) {
        nodes.object(node, where, ADJUSTMENT_FIELDS);
        String metric = nodes.requiredText(node, "metric", where);
        double threshold = nodes.number(node, "threshold", where)
                .orElseThrow(() -> nodes.problem(where, "needs 'threshold'"));
        String origin = nodes.requiredText(node, "origin", where);
        Optional<ProjectType> type = nodes.text(node, "project_type", where)
                .map(text -> nodes.parsed(text, where + ".project_type", ProjectType::parse));
        return nodes.parsed(metric, where, m -> new ThresholdAdjustment(ThresholdAdjustment.dimensionOf(m), m, type,
                threshold, origin));
    }

    private ExpectedCriterion criterion(JsonNode node, String where) {
        nodes.object(node, where, CRITERION_FIELDS);
        return new ExpectedCriterion(nodes.requiredText(node, "criterion", where),
                nodes.text(node, "verdict", where).map(text -> nodes.parsed(text, where + ".verdict", Verdict::parse)),
                nodes.number(node, "threshold", where), nodes.number(node, "measured", where),
                nodes.text(node, "severity", where)
                        .map(text -> nodes.parsed(text, where + ".severity", CriterionSeverity::parse)),
                nodes.bool(node, "required", where), nodes.text(node, "rule", where), nodes.text(node, "reason", where), remediation(node, where));
    }

    /** {@code remediation: none}, or an object with the fields to compare. */
    private Optional<ExpectedRemediation> remediation(JsonNode criterion, String where) {
        JsonNode node = criterion.get("remediation");
        String at = where + ".remediation";
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            if (!node.asText().equals("none")) {
                throw nodes.problem(at, "is '" + node.asText() + "'; write 'none' or an object {pool, title, files}");
            }
            return Optional.of(new ExpectedRemediation.None());
        }
        nodes.object(node, at, REMEDIATION_FIELDS);
        Optional<List<String>> files = node.has("files") ? Optional.of(nodes.texts(node, "files", at))
                : Optional.empty();
        return Optional.of(new ExpectedRemediation.Task(nodes.text(node, "pool", at), nodes.text(node, "title", at),
                files));
    }

    /** A finding's severity in any case; gate and conflict scenarios read findings alike. */
    static FindingSeverity findingSeverity(String text) {
        try {
            return FindingSeverity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "'; use critical, high, medium, low or info");
        }
    }
}
