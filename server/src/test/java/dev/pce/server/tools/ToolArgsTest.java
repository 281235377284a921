package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolArgsTest {

    private static ToolArgs args(String json) throws Exception {
        return ToolArgs.of(Json.mapper().readTree(json));
    }

    @Test
    void errorsNameTheNestedPathAndTheValueThatArrived() throws Exception {
        ToolArgs task = args("{\"tasks\":[{},{\"depends_on\":[\"a\",3]}]}").objectList("tasks", 10).get(1);
        assertThatThrownBy(() -> task.stringList("depends_on", 10, 10))
                .isInstanceOfSatisfying(CeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("tasks[1].depends_on[1] must be a string, got number 3.");
    }

    @Test
    void itemsOfItemsAndTheirShorthandsKnowWhereTheyAre() throws Exception {
        ToolArgs task = args("{\"tasks\":[{},{\"depends_on\":[{\"id\":\"a\"},\"b\"],\"meta\":{\"s\":\"abcdef\"}}]}")
                .objectList("tasks", 10).get(1);
        var dependencies = task.objectOrStringList("depends_on", 10, "id");

        assertThat(dependencies.get(0).where("id")).isEqualTo("tasks[1].depends_on[0].id");
        assertThat(dependencies.get(1).requiredString("id", 10)).as("the shorthand reads as an object").isEqualTo("b");
        assertThat(dependencies.get(1).where("type")).isEqualTo("tasks[1].depends_on[1].type");
        assertThatThrownBy(() -> task.requiredObject("meta").requiredString("s", 5))
                .hasMessageContaining("tasks[1].meta.s is 6 characters long");
        assertThatThrownBy(() -> task.stringList("depends_on", 10, 10))
                .hasMessage("tasks[1].depends_on[0] must be a string, got an object.");
    }

    @Test
    void unknownArgumentsAreRefusedWithTheNearestKnownName() throws Exception {
        assertThatThrownBy(() -> args("{\"workflowid\":\"x\"}").allowOnly(Set.of("workflow_id", "agent")))
                .hasMessageContaining("workflowid is not a known argument. Did you mean 'workflow_id'?");
        assertThatThrownBy(() -> args("{\"zzzzzz\":1}").allowOnly(Set.of("workflow_id")))
                .hasMessageNotContaining("Did you mean");
    }

    @Test
    void boundsAreChecked() throws Exception {
        assertThatThrownBy(() -> args("{\"s\":\"abcdef\"}").requiredString("s", 5))
                .hasMessageContaining("s is 6 characters long, more than the limit of 5");
        assertThatThrownBy(() -> args("{\"n\":11}").integer("n", 1, 10, 5)).hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> args("{\"n\":1.5}").integer("n", 1, 10, 5)).hasMessageContaining("whole number");
        assertThat(args("{\"n\":2.0}").integer("n", 1, 10, 5)).isEqualTo(2);
        assertThat(args("{}").integer("n", 1, 10, 5)).isEqualTo(5);
        assertThatThrownBy(() -> args("{\"l\":[1,2,3]}").stringList("l", 2, 5)).hasMessageContaining("3 items");
    }

    @Test
    void nonObjectArgumentsAreRefusedAndMissingOnesAreEmpty() throws Exception {
        assertThatThrownBy(() -> ToolArgs.of(Json.mapper().readTree("[1]"))).hasMessageContaining("JSON object");
        assertThat(ToolArgs.of(null).optionalString("x", 5)).isEmpty();
    }

    @Test
    void estimatesAcceptMinutesAndDurations() throws Exception {
        assertThat(minutes("30")).isEqualTo(30);
        assertThat(minutes("\"45m\"")).isEqualTo(45);
        assertThat(minutes("\"2h\"")).isEqualTo(120);
        assertThat(minutes("\"1h30m\"")).isEqualTo(90);
        assertThat(minutes("\"1.5h\"")).isEqualTo(90);
        assertThat(minutes("\"20\"")).isEqualTo(20);
        for (String bad : new String[] {"\"soon\"", "\"\"", "true", "\"h\"", "\"3d\""}) {
            assertThatThrownBy(() -> minutes(bad)).as(bad).hasMessageContaining("must be minutes");
        }
    }

    private static double minutes(String json) throws Exception {
        JsonNode value = Json.mapper().readTree(json);
        return Estimates.minutes(value, "tasks[0].estimate");
    }

    @Test
    void suggestionsUseEditDistance() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.nearest("lease-seconds", Set.of("lease_seconds", "agent"))).contains("lease_seconds");
    }
}
