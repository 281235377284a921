package dev.pce.engine.event;

import dev.pce.engine.Json;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan event written field by field is the mapper's JSON, byte for byte: every field, its order and its
 * escaping, the empty maps left out, on random plans.
 */
class PlanEventWriterTest {
    private static final String[] TEXTS = {"", "a", "src/api.ts", "quote \" and \\ backslash", "tab\tnew\nline",
        "ünïcödé ✓ 😀", "\u0001 control", "</script>"};

    @Test
    void writesTheBytesTheMapperWrites() throws IOException {
        for (long seed = 0; seed < 300; seed++) {
            WorkflowPlanned plan = randomPlan(new Random(seed));
            assertThat(byHand(plan)).as("seed %d", seed).isEqualTo(byMapper(plan));
        }
    }

    @Test
    void anEncodedPlanEventDecodesToThePlan() {
        WorkflowPlanned plan = randomPlan(new Random(7));
        Event event = new Event("ev-1", 1, java.time.Instant.parse("2026-12-07T10:00:00Z"), "planner", plan);
        byte[] line = EventCodec.encode(event);
        assertThat(EventCodec.decode(line, 0, line.length - 1, "test").payload()).isEqualTo(plan);
    }

    private static WorkflowPlanned randomPlan(Random random) {
        int size = random.nextInt(12);
        List<TaskSpec> tasks = new ArrayList<>();
        List<ClassifiedEdge> edges = new ArrayList<>();
        Map<String, Double> planned = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String id = "t" + i + (random.nextInt(4) == 0 ? text(random) : "");
            List<String> dependsOn = new ArrayList<>();
            Map<String, EdgeClass> types = new LinkedHashMap<>();
            for (int before = 0; before < i; before++) {
                if (random.nextInt(3) == 0) {
                    String dependency = tasks.get(before).id();
                    dependsOn.add(dependency);
                    if (random.nextBoolean()) {
                        types.put(dependency, EdgeClass.values()[random.nextInt(EdgeClass.values().length)]);
                    }
                    edges.add(new ClassifiedEdge(dependency, id,
                            EdgeClass.values()[random.nextInt(EdgeClass.values().length)], text(random),
                            text(random), text(random)));
                }
            }
            TaskSpec task = TaskSpec.builder(id, random.nextBoolean() ? "build" : text(random))
                    .title(text(random)).pool(random.nextBoolean() ? "builders" : text(random))
                    .estimate(random.nextInt(3) == 0 ? random.nextDouble() * 1000 : 1 + random.nextInt(600))
                    .reads(texts(random)).writes(texts(random)).produces(texts(random)).consumes(texts(random))
                    .description(text(random)).build().withDependencies(dependsOn, types);
            tasks.add(task);
            if (random.nextInt(4) == 0) {
                planned.put(id, random.nextDouble() * 100);
            }
        }
        Map<String, Integer> pools = random.nextBoolean() ? Map.of()
                : Map.of("builders", 1 + random.nextInt(9), "reviewers", 1 + random.nextInt(3));
        return new WorkflowPlanned(text(random), tasks, edges, planned, pools);
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static String[] texts(Random random) {
        String[] values = new String[random.nextInt(3)];
        for (int i = 0; i < values.length; i++) {
            values[i] = text(random) + i;
        }
        return values;
    }

    private static String byHand(WorkflowPlanned plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.mapper().createGenerator(out)) {
            PlanEventWriter.write(json, plan);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String byMapper(WorkflowPlanned plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.mapper().createGenerator(out)) {
            Json.mapper().writeValue(json, plan);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
