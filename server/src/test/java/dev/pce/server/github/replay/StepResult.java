package dev.pce.server.github.replay;

import java.util.List;
import java.util.Map;

/**
 * One step of a job as it ran.
 *
 * @param id         the step's {@code id}, or empty
 * @param with       the action's inputs as the step passed them, expressions evaluated (empty for {@code run:})
 * @param outcome    before {@code continue-on-error}; {@code conclusion} after it
 * @param stdout     what the step printed, secrets and masked values replaced by {@code ***}
 * @param summary    what the step wrote to {@code $GITHUB_STEP_SUMMARY}
 */
public record StepResult(String id, String name, Map<String, String> with, Result outcome, Result conclusion,
                         Map<String, String> outputs, String stdout, String stderr, List<Annotation> annotations,
                         String summary) {
    public StepResult {
        with = Map.copyOf(with);
        outputs = Map.copyOf(outputs);
        annotations = List.copyOf(annotations);
    }
}
