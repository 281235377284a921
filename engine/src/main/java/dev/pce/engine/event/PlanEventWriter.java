package dev.pce.engine.event;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan event's payload field by field, the bytes the event mapper writes for it (snake_case names, empty
 * maps of {@link WorkflowPlanned} left out): a 100,000-task plan's tasks and relations went through the mapper's
 * reflective accessors, about a third of the time its event took to encode. {@code PlanEventWriterTest} holds the two
 * equal.
 */
final class PlanEventWriter {
    // names written as their prepared bytes: escaped once here instead of once per task or relation
    private static final SerializableString GOAL = name("goal");
    private static final SerializableString TASKS = name("tasks");
    private static final SerializableString EDGES = name("edges");
    private static final SerializableString PLANNED_ESTIMATES = name("planned_estimates");
    private static final SerializableString POOL_SIZES = name("pool_sizes");
    private static final SerializableString ID = name("id");
    private static final SerializableString TITLE = name("title");
    private static final SerializableString KIND = name("kind");
    private static final SerializableString POOL = name("pool");
    private static final SerializableString ESTIMATE_MINUTES = name("estimate_minutes");
    private static final SerializableString READS = name("reads");
    private static final SerializableString WRITES = name("writes");
    private static final SerializableString DEPENDS_ON = name("depends_on");
    private static final SerializableString DESCRIPTION = name("description");
    private static final SerializableString DEPENDENCY_TYPES = name("dependency_types");
    private static final SerializableString PRODUCES = name("produces");
    private static final SerializableString CONSUMES = name("consumes");
    private static final SerializableString FROM = name("from");
    private static final SerializableString TO = name("to");
    private static final SerializableString EDGE_CLASS = name("edge_class");
    private static final SerializableString REASON = name("reason");
    private static final SerializableString RULE = name("rule");
    private static final SerializableString RESOURCE = name("resource");
    /** The edge classes' wire names, by ordinal. */
    private static final SerializableString[] CLASSES = Arrays.stream(EdgeClass.values())
            .map(edgeClass -> name(edgeClass.wireName())).toArray(SerializableString[]::new);

    private PlanEventWriter() {
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }

    static void write(JsonGenerator json, WorkflowPlanned plan) throws IOException {
        json.writeStartObject();
        json.writeFieldName(GOAL);
        json.writeString(plan.goal());
        json.writeFieldName(TASKS);
        json.writeStartArray();
        for (TaskSpec task : plan.tasks()) {
            write(json, task);
        }
        json.writeEndArray();
        json.writeFieldName(EDGES);
        json.writeStartArray();
        for (ClassifiedEdge edge : plan.edges()) {
            write(json, edge);
        }
        json.writeEndArray();
        if (!plan.plannedEstimates().isEmpty()) {
            json.writeFieldName(PLANNED_ESTIMATES);
            json.writeStartObject();
            for (Map.Entry<String, Double> entry : plan.plannedEstimates().entrySet()) {
                json.writeFieldName(entry.getKey());
                json.writeNumber(entry.getValue());
            }
            json.writeEndObject();
        }
        if (!plan.poolSizes().isEmpty()) {
            json.writeFieldName(POOL_SIZES);
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
        field(json, ID, task.id());
        field(json, TITLE, task.title());
        field(json, KIND, task.kind());
        field(json, POOL, task.pool());
        json.writeFieldName(ESTIMATE_MINUTES);
        json.writeNumber(task.estimateMinutes());
        strings(json, READS, task.reads());
        strings(json, WRITES, task.writes());
        strings(json, DEPENDS_ON, task.dependsOn());
        field(json, DESCRIPTION, task.description());
        json.writeFieldName(DEPENDENCY_TYPES);
        json.writeStartObject();
        for (Map.Entry<String, EdgeClass> entry : task.dependencyTypes().entrySet()) {
            json.writeFieldName(entry.getKey());
            json.writeString(CLASSES[entry.getValue().ordinal()]);
        }
        json.writeEndObject();
        strings(json, PRODUCES, task.produces());
        strings(json, CONSUMES, task.consumes());
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, ClassifiedEdge edge) throws IOException {
        json.writeStartObject();
        field(json, FROM, edge.from());
        field(json, TO, edge.to());
        json.writeFieldName(EDGE_CLASS);
        json.writeString(CLASSES[edge.edgeClass().ordinal()]);
        field(json, REASON, edge.reason());
        field(json, RULE, edge.rule());
        field(json, RESOURCE, edge.resource());
        json.writeEndObject();
    }

    private static void field(JsonGenerator json, SerializableString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    private static void strings(JsonGenerator json, SerializableString name, List<String> values) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
