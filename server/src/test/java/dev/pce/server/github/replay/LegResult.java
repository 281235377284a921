package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a job: the job itself, or one leg of its matrix, or one call of a reusable workflow.
 *
 * @param name      as GitHub shows it ({@code build (a, builders)} or the job's evaluated {@code name})
 * @param matrix    the leg's matrix values ({@code {}} without a matrix)
 * @param outcome   before the job's {@code continue-on-error}; {@code result} after it (what {@code needs} sees)
 * @param workspace the leg's {@code GITHUB_WORKSPACE}, kept for assertions
 * @param called    the reusable workflow's run, for a job with {@code uses:}
 */
public record LegResult(String name, JsonNode matrix, Result outcome, Result result, List<StepResult> steps,
                        Map<String, String> outputs, List<Annotation> annotations, String summary, Path workspace,
                        Optional<RunResult> called) {
    public LegResult {
        steps = List.copyOf(steps);
        outputs = Map.copyOf(outputs);
        annotations = List.copyOf(annotations);
    }

    /** The step with this {@code id} or {@code name}. */
    public StepResult step(String idOrName) {
        return steps.stream().filter(step -> step.id().equals(idOrName) || step.name().equals(idOrName)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + idOrName + "' in " + name + "; steps: "
                        + steps.stream().map(StepResult::name).toList()));
    }

    /** Every step's stdout and stderr, in order: what a failing assertion should show. */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (StepResult step : steps) {
            log.append("--- ").append(step.name()).append(" (").append(step.conclusion().text()).append(")\n")
                    .append(step.stdout()).append(step.stderr());
        }
        return log.toString();
    }
}
