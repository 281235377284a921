package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GitHub's expression language as the docs define it: literals, operators, coercion, functions, templates. */
class ExpressionsTest {
    private static final Evaluator EVALUATOR = evaluator(true, false);

    private static Evaluator evaluator(boolean success, boolean failure) {
        JsonNode github = json("""
                {"event_name": "issue_comment", "event": {"comment": {"body": "/ce plan rate limits"},
                 "issue": {"labels": [{"name": "bug"}, {"name": "ci"}]}}}""");
        return new Evaluator(Map.of("github", github, "inputs", json("{\"goal\": \"\", \"count\": 3}"),
                "matrix", json("{\"include\": [{\"task\": \"a\"}]}"), "needs",
                json("{\"plan\": {\"result\": \"success\", \"outputs\": {\"m\": \"{\\\"x\\\": [1, 2]}\"}}}")),
                new Evaluator.Status() {
                    @Override
                    public boolean success() {
                        return success;
                    }

                    @Override
                    public boolean failure() {
                        return failure;
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                }, Path.of("."));
    }

    private static JsonNode json(String text) {
        try {
            return Json.plain().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String eval(String expression) {
        return Values.toText(EVALUATOR.evaluate(ExpressionParser.parse(expression)));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "null => ``", "true => true", "711 => 711", "-9.2 => -9.2", "0xff => 255", "-2.99e-2 => -0.0299",
            "'It''s open source!' => It's open source!", "1.0 => 1",
            "github.event_name => issue_comment", "github['event_name'] => issue_comment",
            "GITHUB.EVENT_NAME => issue_comment", "github.event.no.such.thing => ``",
            "github.event.issue.labels[1].name => ci", "github.event.issue.labels.*.name[0] => bug",
            "inputs.goal || 'default' => default", "inputs.count && 'set' => set", "inputs.goal && 'set' => ``",
            "!inputs.goal => true", "1 == '1' => true", "'abc' == 'ABC' => true", "null == 0 => true",
            "'' == 0 => true", "true == 1 => true", "'x' == 0 => false", "'NaN' == 'NaN' => true",
            "1 < 2 && 2 <= 2 => true", "'b' > 'A' => true", "'a' < 1 => false", "3 > 2 == true => true",
            "!(1 == 2) && (2 == 2) => true", "needs.plan.result != 'failure' => true",
            "github.event.issue.labels == github.event.issue.labels => true",
            "fromJSON('{\"a\": [1]}') == fromJSON('{\"a\": [1]}') => false"})
    void literalsOperatorsAndCoercionAreGitHubs(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "contains('Hello world', 'WORLD') => true", "contains(github.event.issue.labels.*.name, 'bug') => true",
            "contains(fromJSON('[\"a\", 1]'), '1') => true",
            "startsWith(github.event.comment.body, '/CE plan ') => true", "endsWith('abc', 'BC') => true",
            "format('{0} {{x}} {1}', 'a', 2) => a {x} 2", "join(github.event.issue.labels.*.name, ', ') => bug, ci",
            "join('one') => one", "join(fromJSON('[1, true]')) => 1,true",
            "fromJSON(needs.plan.outputs.m).x[1] => 2", "fromJSON('true') => true",
            "success() => true", "always() => true", "failure() => false",
            "cancelled() => false"})
    void functionsAreGitHubs(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void toJsonIndentsAsGitHubDoes() {
        assertThat(Values.toJson(json("{\"include\": [{\"task\": \"a\"}], \"e\": {}}"))).isEqualTo("""
                {
                  "include": [
                    {
                      "task": "a"
                    }
                  ],
                  "e": {}
                }""");
    }

    @Test
    void badExpressionsAndBadArgumentsFailWithGitHubsWords() {
        assertThatThrownBy(() -> eval("format('{2}', 'a')")).hasMessageContaining("references more arguments");
        assertThatThrownBy(() -> eval("fromJSON('')")).hasMessageContaining("Error reading JToken");
        assertThatThrownBy(() -> eval("fromJSON('{oops')")).hasMessageContaining("Error parsing fromJson");
        assertThatThrownBy(() -> ExpressionParser.parse("github.event_name ==")).hasMessageContaining(
                "Unexpected end of expression");
        assertThatThrownBy(() -> ExpressionParser.parse("a = b")).hasMessage(
                "Unexpected symbol: '='. Located at position 3 within expression: a = b");
        assertThatThrownBy(() -> ExpressionParser.parse("'open")).hasMessageContaining("not closed");
    }

    @Test
    void eachKeyOffersOnlyItsContextsAndFunctions() {
        Scope.STEP_IF.check(ExpressionParser.parse("always() && hashFiles('x') != ''"), "");
        assertThatThrownBy(() -> Scope.STEP_IF.check(ExpressionParser.parse("secrets.X"), "secrets.X"))
                .hasMessage("Unrecognized named-value: 'secrets'. Located at position 1 within expression: "
                        + "secrets.X");
        assertThatThrownBy(() -> Scope.JOB_IF.check(ExpressionParser.parse("success() && matrix.x"), "e"))
                .hasMessageContaining("Unrecognized named-value: 'matrix'. Located at position 14");
        assertThatThrownBy(() -> Scope.JOB_STRATEGY.check(ExpressionParser.parse("always()"), "always()"))
                .hasMessageContaining("Unrecognized function: 'always'");
        assertThatThrownBy(() -> Scope.STEP_KEY.check(ExpressionParser.parse("contains('a')"), "contains('a')"))
                .hasMessageContaining("Too few parameters supplied: 'contains'");
        assertThatThrownBy(() -> Scope.STEP_KEY.check(ExpressionParser.parse("toJSON(1, 2)"), "toJSON(1, 2)"))
                .hasMessageContaining("Too many parameters supplied: 'toJSON'");
    }

    @Test
    void aValueThatIsOneExpressionKeepsItsTypeAndTextAroundExpressionsIsText() {
        assertThat(Template.evaluate("${{ fromJSON(needs.plan.outputs.m) }}", EVALUATOR).get("x").isArray()).isTrue();
        assertThat(Template.evaluate("${{ inputs.count == 3 }}", EVALUATOR).isBoolean()).isTrue();
        assertThat(Template.evaluate("${{ inputs.count == 3 }}.", EVALUATOR).isTextual()).isTrue();
        assertThat(Template.interpolate("n=${{ inputs.count }}, ${{ '}}' }}!", EVALUATOR)).isEqualTo("n=3, }}!");
        assertThat(Template.interpolate("no expressions", EVALUATOR)).isEqualTo("no expressions");
    }

    @Test
    void conditionsWithoutAStatusFunctionMeanSuccessAndTheirExpression() {
        Evaluator failing = evaluator(false, true);
        assertThat(Template.condition("inputs.count == 3", EVALUATOR)).isTrue();
        assertThat(Template.condition("inputs.count == 3", failing)).isFalse();
        assertThat(Template.condition("${{ inputs.count == 3 }}", failing)).isFalse();
        assertThat(Template.condition("always() && inputs.count == 3", failing)).isTrue();
        assertThat(Template.condition("failure()", failing)).isTrue();
        assertThat(Template.condition("github.event_name == 'push'", EVALUATOR)).isFalse();
        assertThat(Template.condition("${{ false }} text", EVALUATOR)).as("text around an expression is truthy")
                .isTrue();
    }
}
