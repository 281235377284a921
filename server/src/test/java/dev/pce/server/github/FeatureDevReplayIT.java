package dev.pce.server.github;

import dev.pce.server.claude.ModelStandIn;
import dev.pce.server.github.replay.LegResult;
import dev.pce.server.github.replay.Result;
import dev.pce.server.github.replay.RunResult;
import dev.pce.server.github.replay.Trigger;
import dev.pce.server.github.replay.WorkflowReplay;
import dev.pce.server.node.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static dev.pce.server.quality.EvidenceSamples.jacoco;
import static dev.pce.server.quality.EvidenceSamples.surefire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ce-feature-dev.yml from an issue comment to a pull request, replayed with GitHub's semantics: "/ce feature goal"
 * starts it; the parallel workflow (called as a reusable workflow, itself calling its rounds) plans and builds the
 * sample plan with the real Claude Code CLI and the scripted model; the pull-request job restores the built code,
 * runs the project's tests, passes PCE's final gate on their reports, pushes a branch with one commit per task and
 * opens the pull request. GitHub's CLI cannot reach GitHub here: a stand-in on the runner's PATH records the call.
 */
class FeatureDevReplayIT {
    private static final String GOAL = "Add per-client rate limiting to the public HTTP API";

    @TempDir
    Path temp;

    @Test
    void aCommentBuildsTheFeatureAndOpensAPullRequestWithEveryTasksCommit() throws Exception {
        UserRepository user = UserRepository.create(temp.resolve("app"))
                .write("src/http/Router.java", "class Router {}\n")
                .withTests(surefire(0), jacoco(95));
        assertThat(user.setUp().exitCode()).isZero();
        // the team's build is run-tests.sh: they set it as the workflow's test command, as the docs say
        Path workflow = user.directory().resolve(".github/workflows/ce-feature-dev.yml");
        Files.writeString(workflow, Files.readString(workflow)
                .replace("|| 'mvn -B -ntp verify'", "|| '" + UserRepository.TEST_COMMAND + "'"));
        user.commitAll("An HTTP API with its tests, set up for PCE");
        Path recorded = Files.createDirectories(temp.resolve("gh"));

        RunResult run;
        try (ModelStandIn model = ModelStandIn.start(CiAgentTurns.planningTheSamplePlan(Set.of()))) {
            run = WorkflowReplay.of(user.directory(), temp.resolve("replay"))
                    .secret("ANTHROPIC_API_KEY", "sk-ant-replay")
                    .model(model.baseUrl())
                    .environment("PCE_HOME", Checkout.root().toString())
                    .environment("PATH", githubCliStandIn() + ":" + System.getenv("PATH"))
                    .environment("GH_RECORD", recorded.toString())
                    .run(Path.of(".github/workflows/ce-feature-dev.yml"), Trigger.event("issue_comment", """
                            {"action": "created", "issue": {"number": 7, "title": "Rate limits", "body": "Please"},
                             "comment": {"body": "/ce feature %s"}}""".formatted(GOAL)));
            assertThat(model.scriptFailures()).as(run.log()).isEmpty();
        }

        assertThat(run.conclusion()).as(run.log()).isEqualTo(Result.SUCCESS);
        assertThat(run.job("goal").outputs()).containsEntry("goal", GOAL);
        String workflowId = run.job("build").outputs().get("workflow_id");
        assertThat(run.job("build").outputs()).containsEntry("phase", "completed");
        LegResult pullRequest = run.job("pull-request").leg();
        assertThat(pullRequest.step("The final gate").conclusion()).as(pullRequest.log()).isEqualTo(Result.SUCCESS);

        String branch = "ce/" + workflowId;
        assertThat(user.git("log", "--format=%s", branch).lines()).as("the pushed branch: a commit per task that "
                + "wrote files, on the user's:%n%s", user.git("log", "--stat", "--format=%s", branch)).hasSize(7).last().isEqualTo("An HTTP API with its tests, set up for PCE");
        assertThat(recorded.resolve("calls")).hasContent("pr create --head " + branch + " --title PCE: " + workflowId
                + " --body-file pr-body.md");
        assertThat(Files.readString(recorded.resolve("body.md"))).contains("Built by PCE workflow `" + workflowId
                + "`: one commit per task.", "completed");
    }

    /** A directory with a {@code gh} that records its arguments and body file under $GH_RECORD. */
    private Path githubCliStandIn() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path gh = bin.resolve("gh");
        Files.writeString(gh, """
                #!/usr/bin/env bash
                set -euo pipefail
                echo "$*" >> "$GH_RECORD/calls"
                while [ $# -gt 0 ]; do
                  if [ "$1" = --body-file ]; then cp "$2" "$GH_RECORD/body.md"; fi
                  shift
                done
                echo "pull request #8 opened"
                """);
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
