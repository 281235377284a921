package dev.pce.server.github.replay;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The contexts and special functions a workflow key may use, from GitHub's context availability table. An
 * expression naming anything else is rejected, as GitHub rejects the workflow file.
 */
record Scope(Set<String> contexts, boolean statusFunctions, boolean hashFiles) {
    private static final Set<String> JOB = Set.of("github", "inputs", "needs", "vars", "matrix", "strategy");
    private static final Set<String> STEP = Set.of("github", "inputs", "needs", "vars", "matrix", "strategy", "env",
            "job", "runner", "steps", "secrets");

    static final Scope WORKFLOW_ENV = new Scope(Set.of("github", "inputs", "secrets", "vars"), false, false);
    static final Scope RUN_NAME = new Scope(Set.of("github", "inputs", "vars"), false, false);
    static final Scope JOB_IF = new Scope(Set.of("github", "inputs", "needs", "vars"), true, false);
    static final Scope JOB_STRATEGY = new Scope(Set.of("github", "inputs", "needs", "vars"), false, false);
    /** name, runs-on, continue-on-error, timeout-minutes, defaults. */
    static final Scope JOB_KEY = new Scope(JOB, false, false);
    static final Scope JOB_ENV = new Scope(plus(JOB, "secrets"), false, false);
    static final Scope JOB_OUTPUTS = new Scope(STEP, false, false);
    /** with and secrets of a job that calls a reusable workflow. */
    static final Scope CALL_INPUTS = new Scope(plus(JOB, "secrets"), false, false);
    static final Scope STEP_IF = new Scope(minus(STEP, "secrets"), true, true);
    /** name, run, with, env, working-directory, shell, continue-on-error, timeout-minutes of a step. */
    static final Scope STEP_KEY = new Scope(STEP, false, true);
    static final Scope CALL_OUTPUTS = new Scope(Set.of("github", "inputs", "vars", "jobs"), false, false);
    static final Scope INPUT_DEFAULT = new Scope(Set.of("github", "inputs", "vars"), false, false);

    private static Set<String> plus(Set<String> names, String name) {
        Set<String> all = new HashSet<>(names);
        all.add(name);
        return Set.copyOf(all);
    }

    private static Set<String> minus(Set<String> names, String name) {
        Set<String> all = new HashSet<>(names);
        all.remove(name);
        return Set.copyOf(all);
    }

    /** Throws GitHub's error for the first context or function of {@code expression} this key does not offer. */
    void check(Expression expression, String text) {
        switch (expression) {
            case Expression.Literal ignored -> {
            }
            case Expression.Context context -> {
                if (!contexts.contains(context.name().toLowerCase(Locale.ROOT))) {
                    throw new ExpressionException("Unrecognized named-value: '" + context.name() + "'. Located at "
                            + "position " + context.position() + " within expression: " + text);
                }
            }
            case Expression.Index index -> {
                check(index.target(), text);
                check(index.key(), text);
            }
            case Expression.Filter filter -> check(filter.target(), text);
            case Expression.Not not -> check(not.operand(), text);
            case Expression.Binary binary -> {
                check(binary.left(), text);
                check(binary.right(), text);
            }
            case Expression.Call call -> {
                String name = call.function().toLowerCase(Locale.ROOT);
                int[] arity = Functions.ARITY.get(name);
                boolean offered = arity != null && (!Functions.STATUS.contains(name) || statusFunctions)
                        && (!name.equals("hashfiles") || hashFiles);
                if (!offered) {
                    throw new ExpressionException("Unrecognized function: '" + call.function() + "'. Located at "
                            + "position " + call.position() + " within expression: " + text);
                }
                if (call.arguments().size() < arity[0]) {
                    throw new ExpressionException("Too few parameters supplied: '" + call.function() + "'. Located "
                            + "at position " + call.position() + " within expression: " + text);
                }
                if (call.arguments().size() > arity[1]) {
                    throw new ExpressionException("Too many parameters supplied: '" + call.function() + "'. Located "
                            + "at position " + call.position() + " within expression: " + text);
                }
                call.arguments().forEach(argument -> check(argument, text));
            }
        }
    }

    /** Whether the expression calls a status function (else a condition is {@code success() && (...)}). */
    static boolean callsStatus(Expression expression) {
        return switch (expression) {
            case Expression.Literal ignored -> false;
            case Expression.Context ignored -> false;
            case Expression.Index index -> callsStatus(index.target()) || callsStatus(index.key());
            case Expression.Filter filter -> callsStatus(filter.target());
            case Expression.Not not -> callsStatus(not.operand());
            case Expression.Binary binary -> callsStatus(binary.left()) || callsStatus(binary.right());
            case Expression.Call call -> Functions.STATUS.contains(call.function().toLowerCase(Locale.ROOT))
                    || call.arguments().stream().anyMatch(Scope::callsStatus);
        };
    }
}
