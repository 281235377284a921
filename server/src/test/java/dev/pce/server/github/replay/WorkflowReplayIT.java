package dev.pce.server.github.replay;

import dev.pce.server.claude.ModelStandIn;
import dev.pce.server.claude.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replayer runs small workflows (src/test/resources/github-replay/workflows/) that each prove GitHub semantics the
 * example workflows rely on, including the ones that must fail: a pipeline failure that passes under the default
 * shell and fails under {@code shell: bash}, an empty matrix, a bad artifact name, an unknown expression.
 */
class WorkflowReplayIT {
    private static final Path REPOSITORY = Path.of("src/test/resources/github-replay").toAbsolutePath();

    @TempDir
    Path temp;

    private WorkflowReplay replay() {
        return WorkflowReplay.of(REPOSITORY, temp).secret("DEPLOY_TOKEN", "deploy-secret-value");
    }

    private RunResult run(String workflow, Trigger trigger) {
        return replay().run(Path.of("workflows", workflow), trigger);
    }

    private static Trigger push() {
        return Trigger.event("push", "{\"ref\":\"refs/heads/main\"}");
    }

    @Test
    void inputsEnvironmentFilesCommandsAndStepOutcomesFollowGitHub() {
        RunResult run = run("basics.yml", Trigger.dispatch(Map.of("greeting", "hi there", "loud", "false")));

        LegResult first = run.job("first").leg();
        assertThat(first.result()).as(run.log()).isEqualTo(Result.SUCCESS);
        StepResult produce = first.step("produce");
        assertThat(produce.stdout()).contains("level=step from=w ci=true actions=true",
                "greeting=hi there loud=false typed=true size=small",
                "event={\"inputs\":{\"greeting\":\"hi there\",\"loud\":\"false\",\"size\":\"small\"}}",
                "masked: ***").doesNotContain("hide-me-please");
        assertThat(produce.outputs()).containsEntry("word", "hello").containsEntry("lines", "one\ntwo");
        assertThat(produce.annotations()).contains(
                new Annotation("error", "it broke\nhere", "src/main/App.txt", 3, 5, null, null, "Bad, really"),
                Annotation.warning("just a warning"));
        assertThat(first.step("Next step sees GITHUB_ENV and GITHUB_PATH").stdout())
                .contains("level=job tool=tool-ran", "env-context=true");
        assertThat(first.step("In a folder").stdout()).contains("in main");
        StepResult flaky = first.step("flaky");
        assertThat(List.of(flaky.outcome(), flaky.conclusion())).containsExactly(Result.FAILURE, Result.SUCCESS);
        assertThat(flaky.annotations()).contains(Annotation.error("Process completed with exit code 3."));
        assertThat(first.step("Sees the outcome").stdout()).contains("outcome=failure conclusion=success");
        assertThat(first.step("Only on failure").outcome()).isEqualTo(Result.SKIPPED);
        assertThat(first.summary()).isEqualTo("### Summary of produce\n");
        assertThat(run.job("first").outputs()).containsEntry("word", "hello").doesNotContainKey("leaked");
        assertThat(first.annotations()).contains(Annotation.warning("Skip output 'leaked' since it may contain "
                + "secret."));

        LegResult second = run.job("second").leg();
        assertThat(second.step("Needs").stdout()).contains("word=hello result=success");
        assertThat(second.step("Needs").outcome()).as("a fresh workspace without checkout is empty")
                .isEqualTo(Result.SUCCESS);
        assertThat(second.steps()).extracting(StepResult::conclusion).containsExactly(Result.SUCCESS,
                Result.FAILURE, Result.SKIPPED, Result.SUCCESS, Result.SUCCESS);
        assertThat(second.step("Runs on failure").stdout()).contains("job status failure");
        assertThat(run.job("second").result()).isEqualTo(Result.FAILURE);
        assertThat(run.conclusion()).isEqualTo(Result.FAILURE);
    }

    @Test
    void dispatchInputsAreCheckedAgainstTheirDeclarations() {
        assertThatThrownBy(() -> run("basics.yml", Trigger.dispatch(Map.of("loud", "maybe", "colour", "red"))))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("Invalid input, colour is not defined")
                .hasMessageContaining("Input greeting is required")
                .hasMessageContaining("Unexpected type of value 'maybe' for input 'loud'");
        assertThatThrownBy(() -> run("basics.yml", push())).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("the workflow is not triggered by 'push'");
    }

    @Test
    void aPipelineFailurePassesUnderTheDefaultShellAndFailsUnderShellBash() {
        RunResult run = run("shells.yml", push());

        assertThat(run.job("default-shell").result()).as(run.log()).isEqualTo(Result.SUCCESS);
        assertThat(run.job("default-shell").leg().steps().getFirst().stdout())
                .contains("pipeline failure ignored: errexit on,pipefail off");
        assertThat(run.job("bash-shell").result()).isEqualTo(Result.FAILURE);
        assertThat(run.job("bash-shell").leg().steps().getFirst().stdout()).contains("errexit on,pipefail on")
                .doesNotContain("not reached");
        assertThat(run.job("sh-shell").result()).isEqualTo(Result.FAILURE);
        assertThat(run.job("sh-shell").leg().steps().getFirst().stdout()).contains("sh has no pipefail")
                .doesNotContain("not reached");
        assertThat(run.job("custom-shell").leg().steps().getFirst().stderr()).contains("+ echo traced");
    }

    @Test
    void jobConditionsSeeEveryJobBefore() {
        RunResult run = run("jobs.yml", push());

        assertThat(run.jobs()).extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().result().text())
                .containsExactly("fails=failure", "after-failure=skipped", "always=success", "downstream=skipped",
                        "on-failure=success", "allowed=success", "sees-allowed=success");
        assertThat(run.job("always").leg().steps().getFirst().stdout()).contains("fails=skipped");
        assertThat(run.job("allowed").leg().outcome()).as("continue-on-error hides the failure from needs")
                .isEqualTo(Result.FAILURE);
        assertThat(run.job("sees-allowed").leg().steps().getFirst().stdout()).contains("allowed=success");
    }

    @Test
    void matricesExpandAsDocumentedAndFailFastCancelsTheRest() {
        RunResult run = run("matrix.yml", push());

        assertThat(run.job("static").legs()).extracting(LegResult::name).containsExactly(
                "static (apple, cat, pink, circle)", "static (apple, dog, green, circle)", "static (pear, cat, pink)",
                "static (banana)", "static (banana, cat)");
        assertThat(run.job("static").legs().get(2).steps().getFirst().stdout()).contains("leg 2 of 5");
        assertThat(run.job("fail-fast").legs()).extracting(leg -> leg.name() + "=" + leg.result().text())
                .containsExactly("build a=success", "build b=failure", "build c=cancelled");
        assertThat(run.job("fail-fast").result()).isEqualTo(Result.FAILURE);
        assertThat(run.job("no-fail-fast").legs()).extracting(leg -> leg.result().text())
                .containsExactly("success", "failure", "success");
        assertThat(run.job("merge").leg().steps().getFirst().stdout())
                .contains("fail-fast=failure no-fail-fast=failure last=c");
    }

    @Test
    void aMatrixThatExpandsToNothingFailsTheRun() {
        RunResult run = run("empty-matrix.yml", push());

        assertThat(run.job("build").result()).isEqualTo(Result.FAILURE);
        assertThat(run.job("build").legs()).isEmpty();
        assertThat(run.job("build").annotations()).containsExactly(Annotation.error("Error when evaluating "
                + "'strategy' for job 'build'. workflows/empty-matrix.yml: Matrix must define at least one vector"));
        assertThat(run.job("report").leg().steps().getFirst().stdout()).contains("build=failure");
        assertThat(run.conclusion()).isEqualTo(Result.FAILURE);
    }

    @Test
    void artifactsAreUploadedAndDownloadedAsVersionFourDoes() throws Exception {
        RunResult run = run("artifacts.yml", push());

        assertThat(files(run.artifacts().get("several"))).containsExactly("data/a.txt", "src/main/App.txt");
        assertThat(files(run.artifacts().get("events-a"))).containsExactly("a.txt");
        assertThat(files(run.artifacts().get("events-b"))).containsExactly("b.txt");
        assertThat(run.artifacts()).doesNotContainKey("nothing");
        assertThat(run.job("upload").leg().step("Nothing, a warning").annotations()).containsExactly(
                Annotation.warning("No files were found with the provided path: missing/. No artifacts will be "
                        + "uploaded."));
        LegResult download = run.job("download").leg();
        assertThat(download.result()).as(run.log()).isEqualTo(Result.SUCCESS);
        assertThat(download.steps().getLast().stdout()).isEqualTo("""
                got/several/data/a.txt
                got/several/src/main/App.txt
                logs/events-a/a.txt
                logs/events-b/b.txt
                merged/a.txt
                merged/b.txt
                """);

        assertThat(run.job("bad-name").result()).isEqualTo(Result.FAILURE);
        assertThat(run.job("bad-name").annotations()).containsExactly(Annotation.error(
                "The artifact name is not valid: task: one. Contains the following character: Colon :"));
        assertThat(run.job("twice").annotations()).containsExactly(Annotation.error("Failed to CreateArtifact: "
                + "Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already "
                + "exists on the workflow run"));
        assertThat(run.job("required").annotations()).containsExactly(
                Annotation.error("No files were found with the provided path: nothing-here.txt. No artifacts will "
                        + "be uploaded."),
                Annotation.error("Unable to download artifact(s): Artifact 'no-such-artifact' not found"));
    }

    @Test
    void theCacheCarriesFilesFromOneRunToTheNextByKeyOrRestoreKey() {
        WorkflowReplay replay = replay();
        RunResult first = replay.run(Path.of("workflows", "cache.yml"), Trigger.dispatch(Map.of()));
        LegResult firstLeg = first.job("cache").leg();
        assertThat(firstLeg.step("restore").outputs()).containsEntry("cache-hit", "false");
        assertThat(firstLeg.step("Adds this run").stdout()).contains("hit=false matched=")
                .containsOnlyOnce("run " + first.runId());
        assertThat(firstLeg.step("Saving the same key again").annotations()).containsExactly(Annotation.warning(
                "Failed to save: Unable to reserve cache with key history-" + first.runId()
                        + ", another job may be creating this cache."));
        assertThat(firstLeg.step("Save without a key").annotations()).containsExactly(Annotation.error(
                "Input required and not supplied: key"));
        assertThat(firstLeg.step("Restore without a path").annotations()).containsExactly(Annotation.error(
                "Input required and not supplied: path"));
        assertThat(firstLeg.step("Restore with neither").annotations()).as("a blank input is none; key comes first")
                .containsExactly(Annotation.error("Input required and not supplied: key"));
        assertThat(firstLeg.step("Exact key, must exist").annotations()).containsExactly(Annotation.error(
                "Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: no-such-key"));

        RunResult second = replay.after(first).run(Path.of("workflows", "cache.yml"), Trigger.dispatch(Map.of()));
        LegResult secondLeg = second.job("cache").leg();
        assertThat(secondLeg.step("restore").outputs()).containsEntry("cache-hit", "false")
                .containsEntry("cache-matched-key", "history-" + first.runId());
        assertThat(secondLeg.step("Adds this run").stdout()).contains("run " + first.runId() + "\nrun "
                + second.runId());
    }

    @Test
    void anUnknownContextOrFunctionIsRefusedBeforeTheRunNamingWhereItIs() {
        assertThatThrownBy(() -> run("bad-expression.yml", push())).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("workflows/bad-expression.yml: jobs.build.steps[0] (Greets).run: "
                        + "${{ githb.event_name }}: Unrecognized named-value: 'githb'. Located at position 1 within "
                        + "expression: githb.event_name");
        assertThatThrownBy(() -> run("bad-function.yml", push())).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("jobs.build.steps[0] (Checks a secret in if).if: ${{ secrets.TOKEN != '' }}: "
                        + "Unrecognized named-value: 'secrets'")
                .hasMessageContaining(".run: ${{ toUpper('x') }}: Unrecognized function: 'toUpper'");
    }

    @Test
    void anActionTheReplayDoesNotKnowIsRefusedBeforeTheRun() {
        assertThatThrownBy(() -> run("unknown-action.yml", push())).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("jobs.build.steps[0].uses: unknown action 'actions/github-script@v7'")
                .hasMessageContaining("jobs.build.steps[1].uses: 'actions/upload-artifact@v3': this version");
    }

    @Test
    void reusableWorkflowsGetTheirInputsAndSecretsAndGiveTheirOutputs() {
        RunResult run = run("caller.yml", Trigger.dispatch(Map.of()));

        assertThat(run.conclusion()).as(run.log()).isEqualTo(Result.SUCCESS);
        assertThat(run.job("call").outputs()).containsEntry("said", "hello world x2")
                .containsEntry("deep", "leaf of world");
        RunResult called = run.job("call").leg().called().orElseThrow();
        assertThat(called.job("say").leg().step("s").stdout()).contains("event=workflow_dispatch token=*** "
                + "deploy= caller-env=unset");
        RunResult inherited = run.job("inherit").leg("inherit (b)").called().orElseThrow();
        assertThat(inherited.job("say").leg().step("s").stdout()).contains("token= deploy=***");
        assertThat(inherited.job("say").outputs()).containsEntry("said", "hello b x1");
        assertThat(run.job("use").leg().steps().getFirst().stdout())
                .contains("said=hello world x2 deep=leaf of world result=success");

        assertThatThrownBy(() -> run("caller-wrong-input.yml", push())).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("workflows/caller-wrong-input.yml: jobs.call.with: Invalid input, colour is "
                        + "not defined in the referenced workflow.")
                .hasMessageContaining("Input who is required")
                .hasMessageContaining("Unexpected type of value 'many' for input 'times', expected type: Number.");
    }

    @Test
    void claudeCodeActionRunsTheRealCliInTheWorkspaceAndFailsOnARefusedTool() throws Exception {
        try (ModelStandIn model = ModelStandIn.start(request -> request.lastToolResults().isEmpty()
                ? Turn.call("Bash", Map.of("command", "echo \"$FROM_STEP\" > note.txt", "description", "note"))
                : Turn.text("Done."))) {
            RunResult run = replay().secret("ANTHROPIC_API_KEY", "sk-ant-replay").model(model.baseUrl())
                    .run(Path.of("workflows/claude.yml"), Trigger.dispatch(Map.of()));

            LegResult allowed = run.job("allowed").leg();
            assertThat(allowed.result()).as(run.log()).isEqualTo(Result.SUCCESS);
            assertThat(allowed.steps().getLast().stdout()).contains("step-env", "conclusion=success");
            assertThat(allowed.step("claude").with()).containsKey("claude_args");
            assertThat(model.requests().getFirst().userTexts()).anyMatch(text -> text.contains("Write the note file."));
            assertThat(model.requests().getFirst().headers().get("x-api-key")).isEqualTo("sk-ant-replay");

            LegResult refused = run.job("refused").leg();
            assertThat(refused.result()).isEqualTo(Result.FAILURE);
            assertThat(refused.annotations()).singleElement().extracting(Annotation::message).asString()
                    .startsWith("Claude Code refused tools the workflow did not allow").contains("Bash");
            assertThat(Files.exists(refused.workspace().resolve("note.txt"))).isFalse();
            assertThat(model.scriptFailures()).isEmpty();
        }
    }

    private static List<String> files(Path directory) throws Exception {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).sorted()
                    .toList();
        }
    }
}
