package dev.pce.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.conflict.ConflictCase;
import dev.pce.engine.conflict.ConflictKind;
import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.Review;
import dev.pce.engine.conflict.ReviewFinding;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.conflict.RunningTask;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.model.Pools;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a scenario of the conflict rules: {@code name}, optional {@code description}, {@code given} holding exactly
 * one of {@code contenders} (a resource conflict), {@code reviews} (a quality conflict, with an optional
 * {@code task_id}) or {@code running} (a timeline check), and {@code expect}, fields of the resolution named as in
 * its JSON ({@link ExpectedResolution}). Input fields are named as in the engine's JSON too. docs/rules.md
 * ("Conflict scenarios") describes every field.
 */
final class ConflictScenarioReader {
    /** When a contender does not say: the list order is the request order, a minute apart. */
    static final Instant FIRST_REQUEST = Instant.parse("2025-01-01T09:00:00Z");
    static final String DEFAULT_TASK = "task";

    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "given", "expect");
    private static final Map<String, ConflictKind> GIVEN_KINDS = Map.of("contenders", ConflictKind.RESOURCE,
            "reviews", ConflictKind.QUALITY, "running", ConflictKind.TIMELINE);
    private static final Set<String> CONTENDER_FIELDS = Set.of("task_id", "pool", "critical_path_minutes",
            "plan_order", "holds_claim", "claimed_at", "writes");
    private static final Set<String> PANEL_FIELDS = Set.of("task_id", "reviews");
    private static final Set<String> REVIEW_FIELDS = Set.of("reviewer", "verdict", "dimensions", "findings");
    private static final Set<String> FINDING_FIELDS = Set.of("dimension", "severity", "file", "line", "message",
            "resolved");
    private static final Set<String> RUNNING_FIELDS = Set.of("task_id", "task_kind", "pool", "estimate_minutes",
            "elapsed_minutes", "attempt", "overrun_factor");

    private final ScenarioNodes nodes;

    ConflictScenarioReader(ScenarioNodes nodes) {
        this.nodes = nodes;
    }

    ConflictScenario scenario(JsonNode node, String where) {
        nodes.object(node, where, SCENARIO_FIELDS);
        String name = nodes.requiredText(node, "name", where);
        String at = where + " ('" + name + "')";
        ConflictCase given = given(node.get("given"), at + ".given");
        JsonNode expect = node.get("expect");
        if (expect == null || !expect.isObject() || expect.isEmpty()) {
            throw nodes.problem(at, "needs 'expect', the fields of the resolution to check (rule, decision, ...)");
        }
        return new ConflictScenario(nodes.file(), name, nodes.text(node, "description", where).orElse(""), given,
                expectation(given.kind(), expect, at + ".expect"));
    }

    private ConflictCase given(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw nodes.problem(where, "must be an object holding one of " + GIVEN_KINDS.keySet().stream().sorted()
                    .toList() + " (a resource, quality or timeline conflict)");
        }
        List<String> kinds = GIVEN_KINDS.keySet().stream().filter(node::has).sorted().toList();
        if (kinds.size() != 1) {
            throw nodes.problem(where, "must hold exactly one of contenders (resource), reviews (quality) or running"
                    + " (timeline), but holds " + (kinds.isEmpty() ? "none" : kinds));
        }
        return switch (GIVEN_KINDS.get(kinds.get(0))) {
            case RESOURCE -> contention(node, where);
            case QUALITY -> panel(node, where);
            case TIMELINE -> running(node, where);
        };
    }

    private ResourceContention contention(JsonNode node, String where) {
        nodes.object(node, where, Set.of("contenders"));
        JsonNode list = node.get("contenders");
        if (!list.isArray()) {
            throw nodes.problem(where + ".contenders", "must be a list");
        }
        List<Contender> contenders = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            contenders.add(contender(list.get(i), i, where + ".contenders[" + i + "]"));
        }
        return construct(where, () -> new ResourceContention(contenders));
    }

    /** A contender at {@code position} in the list: its default plan order and request time. */
    private Contender contender(JsonNode node, int position, String where) {
        nodes.object(node, where, CONTENDER_FIELDS);
        String id = nodes.requiredText(node, "task_id", where);
        double criticalPath = nodes.number(node, "critical_path_minutes", where)
                .orElseThrow(() -> nodes.problem(where, "needs 'critical_path_minutes', the task's bottom level"));
        String pool = nodes.text(node, "pool", where).orElse(Pools.BUILDERS);
        int planOrder = (int) nodes.number(node, "plan_order", where).orElse(position);
        boolean holdsClaim = nodes.bool(node, "holds_claim", where).orElse(false);
        Instant claimedAt = nodes.text(node, "claimed_at", where).map(text -> instant(text, where + ".claimed_at"))
                .orElse(FIRST_REQUEST.plusSeconds(60L * position));
        List<String> writes = nodes.texts(node, "writes", where);
        return construct(where, () -> new Contender(id, pool, criticalPath, planOrder, holdsClaim, claimedAt, writes));
    }

    private ReviewPanel panel(JsonNode node, String where) {
        nodes.object(node, where, PANEL_FIELDS);
        List<Review> reviews = nodes.list(node, "reviews", where, this::review);
        String task = nodes.text(node, "task_id", where).orElse(DEFAULT_TASK);
        return construct(where, () -> new ReviewPanel(task, reviews));
    }

    private Review review(JsonNode node, String where) {
        nodes.object(node, where, REVIEW_FIELDS);
        String reviewer = nodes.requiredText(node, "reviewer", where);
        ReviewVerdict verdict = nodes.parsed(nodes.requiredText(node, "verdict", where), where + ".verdict",
                ReviewVerdict::parse);
        Map<Dimension, ReviewVerdict> dimensions = new EnumMap<>(Dimension.class);
        JsonNode judged = node.get("dimensions");
        if (judged != null) {
            if (!judged.isObject()) {
                throw nodes.problem(where + ".dimensions", "must map dimensions to verdicts, e.g. {security: reject}");
            }
            for (Map.Entry<String, JsonNode> entry : judged.properties()) {
                String at = where + ".dimensions." + entry.getKey();
                dimensions.put(nodes.parsed(entry.getKey(), at, Dimension::parse),
                        nodes.parsed(entry.getValue().asText(), at, ReviewVerdict::parse));
            }
        }
        List<ReviewFinding> findings = nodes.list(node, "findings", where, this::finding);
        return construct(where, () -> new Review(reviewer, verdict, dimensions, findings));
    }

    private ReviewFinding finding(JsonNode node, String where) {
        nodes.object(node, where, FINDING_FIELDS);
        Dimension dimension = nodes.parsed(nodes.requiredText(node, "dimension", where), where + ".dimension",
                Dimension::parse);
        FindingSeverity severity = nodes.parsed(nodes.requiredText(node, "severity", where), where + ".severity",
                GateScenarioReader::findingSeverity);
        return new ReviewFinding(dimension, severity, nodes.text(node, "file", where).orElse(""),
                (int) nodes.number(node, "line", where).orElse(0), nodes.text(node, "message", where).orElse(""),
                nodes.bool(node, "resolved", where).orElse(false));
    }

    private RunningTask running(JsonNode given, String where) {
        nodes.object(given, where, Set.of("running"));
        JsonNode node = given.get("running");
        String at = where + ".running";
        nodes.object(node, at, RUNNING_FIELDS);
        String kind = nodes.requiredText(node, "task_kind", at);
        double estimate = nodes.number(node, "estimate_minutes", at)
                .orElseThrow(() -> nodes.problem(at, "needs 'estimate_minutes'"));
        double elapsed = nodes.number(node, "elapsed_minutes", at)
                .orElseThrow(() -> nodes.problem(at, "needs 'elapsed_minutes'"));
        String id = nodes.text(node, "task_id", at).orElse(DEFAULT_TASK);
        String pool = nodes.text(node, "pool", at).orElseGet(() -> Pools.poolForKind(kind).orElse(Pools.BUILDERS));
        int attempt = (int) nodes.number(node, "attempt", at).orElse(1);
        OptionalDouble factor = nodes.number(node, "overrun_factor", at);
        return construct(at, () -> new RunningTask(id, kind, pool, estimate, elapsed, attempt, factor));
    }

    private ExpectedResolution expectation(ConflictKind kind, JsonNode expect, String where) {
        nodes.object(expect, where, ExpectedResolution.allowedFields(kind));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : expect.properties()) {
            fields.put(field.getKey(), field.getValue());
        }
        JsonNode outcomes = expect.get("outcomes");
        if (outcomes != null) {
            if (!outcomes.isArray()) {
                throw nodes.problem(where + ".outcomes", "must be a list of {task_id, ...}");
            }
            for (int i = 0; i < outcomes.size(); i++) {
                String at = where + ".outcomes[" + i + "]";
                nodes.object(outcomes.get(i), at, ExpectedResolution.outcomeFields());
                nodes.requiredText(outcomes.get(i), "task_id", at);
            }
        }
        return new ExpectedResolution(fields);
    }

    private Instant instant(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw nodes.problem(where, "is '" + text + "', not an ISO-8601 instant like 2025-01-01T09:00:00Z");
        }
    }

    /** Builds an input, turning the engine's validation message into a problem at {@code where}. */
    private <T> T construct(String where, Supplier<T> input) {
        try {
            return input.get();
        } catch (IllegalArgumentException e) {
            throw nodes.problem(where, "is invalid: " + e.getMessage());
        }
    }
}
