package dev.pce.rules.gate;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.GatePolicy;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.gate.ProjectType;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.SessionFacts;
import org.kie.api.runtime.KieSession;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Judges quality evidence with the Drools rules in {@code rules/gates.drl}. The rules decide the criteria: what to
 * measure, the threshold for the project type, the severity, the remediation, and learned threshold adjustments.
 * Java then judges each criterion against the evidence ({@link CriterionJudge}), so the DRL holds every number a
 * maintainer may want to change and none of the bookkeeping. Thread-safe: the compiled rules are shared and every
 * call runs in its own session.
 */
public final class DroolsGatePolicy implements GatePolicy {
    private final CompiledDrl rules;

    /** A policy on the process-wide compiled rules. */
    public DroolsGatePolicy() {
        this(GateRules.shared());
    }

    /** A policy on other gate rules, e.g. a maintainer's DRL under test; its package must be this one's. */
    public DroolsGatePolicy(CompiledDrl rules) {
        this.rules = rules;
    }

    @Override
    public GateResult evaluate(GateRequest request) {
        CriterionJudge judge = new CriterionJudge(new EvidenceIndex(request), request.projectType(),
                request.deferred());
        return new GateResult(decide(request).stream().map(judge::judge).toList());
    }

    /**
     * The criteria the rules decide for the request's project type, adjustments and requirements, before any
     * evidence is judged, ordered by dimension, then name; each with the requirements of its dimension.
     *
     * @throws CeException as {@link #evaluate}, and {@code INTERNAL} when a rule fails
     */
    public List<Criterion> decide(GateRequest request) {
        try {
            return run(request);
        } catch (CeException e) {
            throw e;
        } catch (RuntimeException e) {
            // a rule's consequence threw: a defect in the DRL or its helpers, not in the request
            throw new CeException(ErrorCode.INTERNAL, "The gate rules failed: " + e.getMessage(),
                    "This is a defect in " + GateRules.DRL + "; report it with the gate request that caused it.", e);
        }
    }

    /**
     * The thresholds the gate rules (built-in and the project's own) set for a project of {@code type}, per metric,
     * before any adjustment replaced them: the centre of a learned threshold's default band.
     */
    public Map<String, Double> rulesThresholds(ProjectType type) {
        Map<String, Double> thresholds = new TreeMap<>();
        session(GateRequest.of(type, Evidence.EMPTY), List.of(), (decided, requirements) -> {
            decided.stream().filter(criterion -> !criterion.adjusted())
                    .forEach(criterion -> thresholds.put(criterion.metric(), criterion.threshold()));
            return thresholds;
        });
        return thresholds;
    }

    private List<Criterion> run(GateRequest request) {
        List<Adjustment> adjustments = Adjustment.applicable(request.adjustments(), request.projectType());
        return session(request, adjustments, (decided, requirements) ->
                DecidedCriteria.settle(decided, requirements, adjustments, request.projectType()));
    }

    private <T> T session(GateRequest request, List<Adjustment> adjustments,
                          BiFunction<List<Criterion>, List<Requirement>, T> settle) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.insert(new Project(request.projectType()));
            adjustments.forEach(session::insert);
            request.required().forEach(required -> session.insert(new ConfiguredRequirement(required.dimension(),
                    required.origin())));
            session.fireAllRules();
            return settle.apply(SessionFacts.ofType(session, Criterion.class),
                    SessionFacts.ofType(session, Requirement.class));
        } finally {
            session.dispose();
        }
    }
}
