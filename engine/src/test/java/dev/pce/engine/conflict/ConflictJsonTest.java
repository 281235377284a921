package dev.pce.engine.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.engine.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolutions are event payloads: they must survive the engine's JSON mapper, read as Resolution or as themselves. */
class ConflictJsonTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    static Stream<Resolution> resolutions() {
        ResourceResolution resource = ResourceResolution.of(List.of(
                new ContenderOutcome("build-api", Action.PROCEED, List.of(), List.of("src/Api.java"),
                        "resource-holder-keeps-claim", "build-api proceeds: it holds a live claim"),
                new ContenderOutcome("fix-api", Action.WAIT, List.of("build-api"), List.of("src/Api.java"),
                        "resource-requester-waits-for-holder", "fix-api waits: build-api holds a live claim")),
                List.of("src/Api.java"));
        QualityResolution quality = new QualityResolution("build-api", QualityDecision.CHANGES_REQUIRED, 4, 6,
                List.of("r1"), List.of("r2"), "quality-objection-outweighs", "changes required: approval 4 against 6");
        TimelineResolution timeline = new TimelineResolution("parser", TimelineDecision.RESCHEDULE, 30, 70, 2, 105,
                "Re-estimate the task to 105 minutes.", "timeline-reschedule-reestimate", "past 2 times the estimate");
        return Stream.of(resource, quality, timeline);
    }

    @ParameterizedTest
    @MethodSource("resolutions")
    void aResolutionReadsBackEqualAsResolutionAndAsItsOwnRecord(Resolution resolution) throws Exception {
        String json = MAPPER.writeValueAsString(resolution);

        assertThat(MAPPER.readValue(json, Resolution.class)).isEqualTo(resolution);
        assertThat(MAPPER.readValue(json, resolution.getClass())).isEqualTo(resolution);
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.get("kind").asText()).isEqualTo(resolution.kind().wireName());
        assertThat(tree.get("rule").asText()).isEqualTo(resolution.rule());
        assertThat(tree.get("reason").asText()).isEqualTo(resolution.reason());
    }

    @Test
    void fieldsAreSnakeCaseAndEnumsTheirWireNames() throws Exception {
        List<Resolution> all = resolutions().toList();
        JsonNode resource = MAPPER.valueToTree(all.get(0));
        assertThat(resource.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("kind", "winners", "losers", "shared_files", "outcomes", "rule", "reason");
        assertThat(resource.get("outcomes").get(1).get("waits_for").get(0).asText()).isEqualTo("build-api");
        assertThat(resource.get("outcomes").get(1).get("action").asText()).isEqualTo("wait");
        JsonNode quality = MAPPER.valueToTree(all.get(1));
        assertThat(quality.get("decision").asText()).isEqualTo("changes_required");
        assertThat(quality.get("task_id").asText()).isEqualTo("build-api");
        JsonNode timeline = MAPPER.valueToTree(all.get(2));
        assertThat(timeline.get("proposed_estimate_minutes").asDouble()).isEqualTo(105);
        assertThat(timeline.get("decision").asText()).isEqualTo("reschedule");
    }

    @Test
    void aResolutionInsideAnotherRecordKeepsItsKind() throws Exception {
        record Stored(long seq, Resolution resolution) {
        }
        Stored stored = new Stored(7, resolutions().toList().get(2));
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(stored), Stored.class)).isEqualTo(stored);
    }
}
