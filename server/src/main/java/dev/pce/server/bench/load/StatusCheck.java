package dev.pce.server.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.service.StatusReport;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.engine.workflow.WorkflowState;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a server's {@code ce_status} with the status of the state replayed afresh from the log. Each server
 * folded the events incrementally, other processes' included, and may have resumed from a snapshot; the replay
 * folds them once from the start. Everything but the expected schedule (a forecast, not state) must be equal.
 */
final class StatusCheck {
    private StatusCheck() {
    }

    /** The first difference, as {@code path: server value != replayed value}; empty when they agree. */
    static Optional<String> difference(WorkflowState replayed, JsonNode serverWorkflow) {
        WorkflowStatus server;
        try {
            server = Json.mapper().treeToValue(serverWorkflow, WorkflowStatus.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.of("its status cannot be read: " + e.getMessage());
        }
        JsonNode expected = Json.mapper().valueToTree(StatusReport.of(replayed, Instant.now()).full(Optional.empty()));
        JsonNode actual = Json.mapper().valueToTree(withoutSchedule(server));
        return firstDifference("$", actual, expected);
    }

    private static WorkflowStatus withoutSchedule(WorkflowStatus status) {
        return new WorkflowStatus(status.workflowId(), status.goal(), status.phase(), status.createdAt(),
                status.updatedAt(), status.lastSeq(), status.taskCount(), status.progressPercent(), status.counts(),
                status.pools(), status.tasks(), status.blocked(), Optional.empty());
    }

    private static Optional<String> firstDifference(String path, JsonNode actual, JsonNode expected) {
        if (actual.isObject() && expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                Optional<String> difference = firstDifference(path + "." + field.getKey(),
                        actual.path(field.getKey()), field.getValue());
                if (difference.isPresent()) {
                    return difference;
                }
            }
            if (actual.size() != expected.size()) {
                return Optional.of(path + " has fields " + names(actual) + ", the replay " + names(expected));
            }
            return Optional.empty();
        }
        if (actual.isArray() && expected.isArray() && actual.size() == expected.size()) {
            for (int i = 0; i < expected.size(); i++) {
                Optional<String> difference = firstDifference(path + "[" + i + "]", actual.get(i), expected.get(i));
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        return actual.equals(expected) ? Optional.empty()
                : Optional.of(path + ": server " + abbreviated(actual) + ", replayed log " + abbreviated(expected));
    }

    private static String names(JsonNode object) {
        StringBuilder names = new StringBuilder();
        object.fieldNames().forEachRemaining(name -> names.append(names.isEmpty() ? "" : ",").append(name));
        return "[" + names + "]";
    }

    private static String abbreviated(JsonNode value) {
        String text = value.isMissingNode() ? "(missing)" : value.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
