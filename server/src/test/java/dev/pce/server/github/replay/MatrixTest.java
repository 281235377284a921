package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Matrix expansion as GitHub's "Running variations of jobs in a workflow" describes it. */
class MatrixTest {
    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void theDocumentedIncludeExampleExpandsToTheDocumentedCombinations() throws Exception {
        JsonNode matrix = yaml("""
                fruit: [apple, pear]
                animal: [cat, dog]
                include:
                  - color: green
                  - color: pink
                    animal: cat
                  - fruit: apple
                    shape: circle
                  - fruit: banana
                  - fruit: banana
                    animal: cat
                """);

        assertThat(Matrix.expand(matrix)).map(ObjectNode::toString).containsExactly(
                "{\"fruit\":\"apple\",\"animal\":\"cat\",\"color\":\"pink\",\"shape\":\"circle\"}",
                "{\"fruit\":\"apple\",\"animal\":\"dog\",\"color\":\"green\",\"shape\":\"circle\"}",
                "{\"fruit\":\"pear\",\"animal\":\"cat\",\"color\":\"pink\"}",
                "{\"fruit\":\"pear\",\"animal\":\"dog\",\"color\":\"green\"}",
                "{\"fruit\":\"banana\"}",
                "{\"fruit\":\"banana\",\"animal\":\"cat\"}");
    }

    @Test
    void aPartialExcludeRemovesEveryCombinationItMatches() throws Exception {
        JsonNode matrix = yaml("""
                os: [macos, windows]
                version: [12, 14, 16]
                environment: [staging, production]
                exclude:
                  - os: macos
                    version: 12
                    environment: production
                  - os: windows
                    version: 16
                """);

        assertThat(Matrix.expand(matrix)).hasSize(12 - 1 - 2);
    }

    @Test
    void includeAloneMakesOneLegPerEntry() throws Exception {
        assertThat(Matrix.expand(yaml("include: [{task: a, pool: builders}, {task: b, pool: reviewers}]")))
                .extracting(leg -> Matrix.legName("build", leg)).containsExactly("build (a, builders)",
                        "build (b, reviewers)");
    }

    @Test
    void aMatrixWithoutCombinationsIsTheErrorGitHubFailsTheRunWith() throws Exception {
        assertThatThrownBy(() -> Matrix.expand(yaml("include: []"))).hasMessage(
                "Matrix must define at least one vector");
        assertThatThrownBy(() -> Matrix.expand(yaml("{}"))).hasMessage("Matrix must define at least one vector");
        assertThatThrownBy(() -> Matrix.expand(yaml("task: []"))).hasMessage(
                "Matrix vector 'task' does not contain any values");
        assertThatThrownBy(() -> Matrix.expand(yaml("task: [a]\nexclude: [{task: a}]"))).hasMessage(
                "Matrix must define at least one vector");
    }
}
