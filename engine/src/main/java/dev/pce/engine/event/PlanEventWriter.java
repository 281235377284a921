package dev.pce.engine.event;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan event's payload field by field, the bytes the event mapper writes for it (snake_case names, empty
 * maps of {@link WorkflowPlanned} left out): a 100,000-task plan's tasks and relations went through the mapper's
 * reflective accessors, about a third of the time its event took to encode. {@code PlanEventWriterTest} holds the two
 * equal.
 */
final class PlanEventWriter {

    private PlanEventWriter() {
    }

    static void write(JsonGenerator json, WorkflowPlanned plan) throws IOException {
        json.writeStartObject();
        json.writeStringField("goal", plan.goal());
        json.writeFieldName("tasks");
        json.writeStartArray();
        for (TaskSpec task : plan.tasks()) {
            write(json, task);
        }
        json.writeEndArray();
        json.writeFieldName("edges");
        json.writeStartArray();
        for (ClassifiedEdge edge : plan.edges()) {
            write(json, edge);
        }
        json.writeEndArray();
        if (!plan.plannedEstimates().isEmpty()) {
            json.writeFieldName("planned_estimates");
            json.writeStartObject();
            for (Map.Entry<String, Double> entry : plan.plannedEstimates().entrySet()) {
                json.writeFieldName(entry.getKey());
                json.writeNumber(entry.getValue());
            }
            json.writeEndObject();
        }
        if (!plan.poolSizes().isEmpty()) {
            json.writeFieldName("pool_sizes");
            json.writeStartObject();
            for (Map.Entry<String, Integer> entry : plan.poolSizes().entrySet()) {
                json.writeFieldName(entry.getKey());
                json.writeNumber(entry.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, TaskSpec task) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", task.id());
        json.writeStringField("title", task.title());
        json.writeStringField("kind", task.kind());
        json.writeStringField("pool", task.pool());
        json.writeFieldName("estimate_minutes");
        json.writeNumber(task.estimateMinutes());
        strings(json, "reads", task.reads());
        strings(json, "writes", task.writes());
        strings(json, "depends_on", task.dependsOn());
        json.writeStringField("description", task.description());
        json.writeFieldName("dependency_types");
        json.writeStartObject();
        for (Map.Entry<String, EdgeClass> entry : task.dependencyTypes().entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue().wireName());
        }
        json.writeEndObject();
        strings(json, "produces", task.produces());
        strings(json, "consumes", task.consumes());
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, ClassifiedEdge edge) throws IOException {
        json.writeStartObject();
        json.writeStringField("from", edge.from());
        json.writeStringField("to", edge.to());
        json.writeStringField("edge_class", edge.edgeClass().wireName());
        json.writeStringField("reason", edge.reason());
        json.writeStringField("rule", edge.rule());
        json.writeStringField("resource", edge.resource());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
