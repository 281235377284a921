package dev.pce.server.github.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an {@link Action} sees of its step and may change: inputs, folders, environment, outputs, annotations. */
final class ActionStep {
    final Map<String, String> with;
    final Path workspace;
    final Path runnerTemp;
    final Path home;
    /** The step's process environment (the runner's, GitHub's variables, the workflow's, job's and step's env). */
    final Map<String, String> environment;
    final RunState run;
    final Map<String, String> outputs = new LinkedHashMap<>();
    final List<Annotation> annotations = new ArrayList<>();
    /** Variables and path entries for the job's next steps (as $GITHUB_ENV and $GITHUB_PATH would add them). */
    final Map<String, String> exportedVariables = new LinkedHashMap<>();
    final List<String> addedPaths = new ArrayList<>();
    final StringBuilder stdout = new StringBuilder();
    final StringBuilder stderr = new StringBuilder();

    ActionStep(Map<String, String> with, Path workspace, Path runnerTemp, Path home, Map<String, String> environment,
               RunState run) {
        this.with = with;
        this.workspace = workspace;
        this.runnerTemp = runnerTemp;
        this.home = home;
        this.environment = environment;
        this.run = run;
    }

    String input(String name) {
        return with.getOrDefault(name, "");
    }

    /** An input the action requires ({@code core.getInput(name, {required: true})}): a blank one fails the step. */
    String requiredInput(String name) throws Action.StepFailure {
        String value = input(name);
        if (value.isBlank()) {
            throw new Action.StepFailure("Input required and not supplied: " + name);
        }
        return value;
    }

    /** A boolean input as {@code core.getBooleanInput} reads it. */
    boolean booleanInput(String name) throws Action.StepFailure {
        String value = input(name).strip();
        return switch (value) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE", "" -> false;
            default -> throw new Action.StepFailure("Input does not meet YAML 1.2 \"Core Schema\" specification: "
                    + name + "\nSupport boolean input list: `true | True | TRUE | false | False | FALSE`");
        };
    }

    /** A path input, relative to the workspace as an action's working directory makes it. */
    Path path(String value) {
        String expanded = value.startsWith("~") ? home + value.substring(1) : value;
        return workspace.resolve(expanded).normalize();
    }

    void log(String line) {
        stdout.append(line).append('\n');
    }
}
