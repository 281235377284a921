package dev.pce.server.github.replay;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code actions/download-artifact@v4}: with {@code name}, that artifact's files into {@code path} (an unknown name
 * fails the step); otherwise every artifact, or those whose names match {@code pattern}, each into
 * {@code path/<name>/} unless {@code merge-multiple}. {@code path} defaults to the workspace. With
 * {@code github-token}, {@code run-id} names an earlier run given to {@link WorkflowReplay#after}.
 */
final class DownloadArtifact implements Action {
    @Override
    public String name() {
        return "actions/download-artifact";
    }

    @Override
    public Map<String, String> inputs() {
        return Map.of("name", "", "artifact-ids", "", "path", "", "pattern", "", "merge-multiple", "false",
                "github-token", "", "repository", "", "run-id", "");
    }

    @Override
    public boolean replays(String ref) {
        return Action.major(ref, "v4");
    }

    @Override
    public void run(ActionStep step) throws StepFailure {
        if (!step.input("artifact-ids").isEmpty()) {
            throw new StepFailure("download-artifact's 'artifact-ids' is not replayed; use 'name' or 'pattern'");
        }
        Map<String, Path> artifacts = source(step);
        Path destination = step.input("path").isEmpty() ? step.workspace : step.path(step.input("path"));
        String name = step.input("name");
        try {
            if (!name.isEmpty()) {
                Path artifact = artifacts.get(name);
                if (artifact == null) {
                    throw new StepFailure("Unable to download artifact(s): Artifact '" + name + "' not found");
                }
                Artifacts.extract(artifact, destination);
                step.log("Artifact '" + name + "' downloaded to " + destination);
            } else {
                List<String> chosen = new ArrayList<>();
                Pattern pattern = step.input("pattern").isEmpty() ? null : glob(step.input("pattern"));
                artifacts.keySet().stream().filter(candidate -> pattern == null
                        || pattern.matcher(candidate).matches()).forEach(chosen::add);
                boolean merge = step.booleanInput("merge-multiple");
                for (String artifact : chosen) {
                    Artifacts.extract(artifacts.get(artifact), merge ? destination : destination.resolve(artifact));
                }
                step.log("Total of " + chosen.size() + " artifact(s) downloaded: " + chosen);
            }
        } catch (UncheckedIOException e) {
            throw new StepFailure("Unable to download artifact(s): " + e.getCause().getMessage());
        }
        step.outputs.put("download-path", destination.toString());
    }

    /** This run's artifacts, or with a token an earlier run's by {@code run-id}. */
    private static Map<String, Path> source(ActionStep step) throws StepFailure {
        String runId = step.input("run-id");
        if (step.input("github-token").isEmpty() || runId.isEmpty() || runId.equals(step.run.runId)) {
            return step.run.artifacts.all();
        }
        return step.run.replay.earlierRun(runId).map(RunResult::artifacts).orElseThrow(() -> new StepFailure(
                "Unable to download artifact(s): no run " + runId + " (give the replay the earlier run with after())"));
    }

    /** A minimatch pattern for artifact names: {@code * ? [...]} and {@code {a,b}}. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        boolean inBraces = false;
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[', ']' -> regex.append(c);
                case '{' -> {
                    inBraces = true;
                    regex.append("(?:");
                }
                case '}' -> {
                    inBraces = false;
                    regex.append(')');
                }
                case ',' -> regex.append(inBraces ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
