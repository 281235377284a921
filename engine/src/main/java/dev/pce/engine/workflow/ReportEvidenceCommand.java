package dev.pce.engine.workflow;

import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.NewEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Stores quality evidence with a workflow; a report identical to the current one of its key appends nothing. */
public record ReportEvidenceCommand(EvidenceReported report, String agent) implements Command {

    public ReportEvidenceCommand {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(agent, "agent");
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        boolean same = state.gates().evidence().stream().anyMatch(report::equals);
        return same ? List.of() : List.of(new NewEvent(agent, report));
    }
}
