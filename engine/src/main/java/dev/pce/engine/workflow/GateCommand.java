package dev.pce.engine.workflow;

import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.model.TaskSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records a gate's verdict and adds its remediation tasks, in one step under the log's lock, so every process
 * sees the hold and the tasks that lift it together. The same gate judged again on the same evidence with the
 * same verdict appends nothing.
 *
 * @param remediation the tasks that would make it pass; those the workflow already has unfinished are not added
 *                    again
 */
public record GateCommand(String gate, int wave, String projectType, GateResult result, long evidenceSeq,
                          List<TaskSpec> remediation, String agent, DependencyClassifier classifier)
        implements Command {

    public GateCommand {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(projectType, "projectType");
        Objects.requireNonNull(result, "result");
        remediation = List.copyOf(remediation);
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        boolean repeat = state.gates().latest(gate).filter(last -> last.evidenceSeq() == evidenceSeq
                && last.blocking() == result.blocking() && last.criteria().equals(result.criteria())).isPresent();
        if (repeat) {
            return List.of();
        }
        List<TaskSpec> toAdd = remediation.stream().filter(task -> state.task(task.id()).isEmpty()).toList();
        List<NewEvent> events = new ArrayList<>(2);
        List<String> remediationIds = remediation.stream().map(TaskSpec::id).toList();
        if (!toAdd.isEmpty()) {
            String reason = "gate '" + gate + "' " + (result.blocking() ? "blocks" : "asks for action") + ": "
                    + String.join("; ", result.criteria().stream().filter(c -> c.remediation().isPresent())
                    .map(c -> c.criterion() + " " + c.verdict().wireName()).toList());
            events.addAll(new AddTasksCommand(toAdd, reason, "gate:" + gate, agent, classifier).decide(state, now));
        }
        events.add(new NewEvent(agent, new GateEvaluated(gate, wave, projectType, result.blocking(),
                result.criteria(), evidenceSeq, remediationIds)));
        return events;
    }
}
