package dev.pce.rules.scenario;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioRunnerTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();

    @TempDir
    Path dir;

    @Test
    void reportsMissingAndUnexpectedEdgesWithFileAndScenario() throws IOException {
        Path file = write("wrong.yaml", """
                scenarios:
                  - name: wrong class
                    given:
                      - {id: a, kind: build}
                      - {id: b, kind: build, depends_on: [a]}
                    expect:
                      - {from: a, to: b, class: soft}
                """);
        List<ScenarioResult> results = RUNNER.runAll(dir);
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.passed()).isFalse();
            assertThat(result.report())
                    .contains("FAIL " + file, "scenario 'wrong class'")
                    .contains("missing:    a -> b soft")
                    .contains("unexpected: a -> b hard [declared-untyped-is-hard]")
                    .contains("actual:");
        });
        assertThat(ScenarioRunner.summary(results)).isEqualTo("0 passed, 1 failed");
    }

    @Test
    void reportsAWrongRuleNextToTheEdgeThatCame() throws IOException {
        write("rule.json", """
                {"scenarios": [{"name": "wrong rule",
                  "given": [{"id": "a", "kind": "build"}, {"id": "b", "kind": "build", "depends_on": ["a"]}],
                  "expect": [{"from": "a", "to": "b", "class": "hard", "rule": "declared-hard"}]}]}
                """);
        ScenarioResult result = RUNNER.runAll(dir).get(0);
        assertThat(result.mismatches()).containsExactly("missing:    a -> b hard [declared-hard], but it came as "
                + "a -> b hard [declared-untyped-is-hard]: 'b' depends on 'a' (no type declared, so it needs 'a'"
                + " finished)");
    }

    @Test
    void anExpectedErrorThatDoesNotComeFails() throws IOException {
        write("error.yaml", """
                scenarios:
                  - name: no error
                    given: [{id: a, kind: build}]
                    expect_error: boom
                  - name: other error
                    given: [{id: a, kind: build, produces: [x]}, {id: b, kind: build, produces: [x]}]
                    expect_error: something else
                """);
        List<ScenarioResult> results = RUNNER.runAll(dir);
        assertThat(results.get(0).mismatches()).containsExactly(
                "expected an error containing ['boom'], but the plan was classified");
        assertThat(results.get(1).mismatches()).containsExactly("the error does not contain 'something else'");
        assertThat(results.get(1).report()).contains("error INVALID_PLAN: Plan rejected: tasks 'a' and 'b'");
    }

    @Test
    void aMisspeltFieldIsAnErrorNamingWhere() throws IOException {
        Path file = write("typo.yaml", """
                scenarios:
                  - name: typo
                    given: [{id: a, kind: build, depend_on: [b]}]
                    expect: []
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(file.toString(), "scenarios[0] ('typo').given[0]",
                    "unknown field 'depend_on'");
        });
    }

    @Test
    void anUnknownEdgeClassIsAnError() throws IOException {
        Path file = write("class.yaml", """
                scenarios:
                  - name: bad class
                    given: [{id: a, kind: build}, {id: b, kind: build, depends_on: [{id: a, type: strong}]}]
                    expect: []
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining(
                "given[1].depends_on[0].type is 'strong', not one of hard, soft, resource, feedback");
    }

    @Test
    void aScenarioNeedsAnExpectation() throws IOException {
        Path file = write("none.yaml", """
                scenarios:
                  - name: nothing expected
                    given: [{id: a, kind: build}]
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining("needs 'expect'");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
