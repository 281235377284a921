package dev.pce.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.PlanEdit;
import dev.pce.engine.service.EditOutcome;
import dev.pce.engine.service.WorkflowService;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.tools.EditTool;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ce edit WORKFLOW_ID}: changes a running workflow's plan, as {@code ce_edit} does. Simple edits are options;
 * adding and splitting tasks take a file with ce_edit's {@code edits}.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = {
        "Edit a running workflow's plan: add, remove, re-estimate or split tasks, add or drop dependencies.",
        "The edits are checked as a whole and recorded as one event, or refused with nothing changed; done and "
                + "claimed tasks cannot be edited. Options are applied in this order: --file, --remove, --estimate, "
                + "--depend, --drop."})
public final class EditCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow to edit.")
    String workflowId;

    @Option(names = "--request-id", required = true, paramLabel = "ID",
            description = "Your id for this edit: the same edit again records nothing.")
    String requestId;

    @Option(names = "--file", paramLabel = "FILE", description = "A JSON file with ce_edit's edits: "
            + "{\"edits\": [{\"op\": \"split\", \"task_id\": \"x\", \"into\": [...]}, ...]}.")
    Path file;

    @Option(names = "--remove", paramLabel = "TASK", description = "Remove a task (repeatable).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--estimate", paramLabel = "TASK=DURATION", description = "Re-estimate a task, e.g. "
            + "build-api=2h or build-api=90 (minutes) (repeatable).")
    List<String> estimate = new ArrayList<>();

    @Option(names = "--depend", paramLabel = "TASK:PREREQUISITE[:soft]", description = "TASK also waits for "
            + "PREREQUISITE, hard unless :soft (repeatable).")
    List<String> depend = new ArrayList<>();

    @Option(names = "--drop", paramLabel = "TASK:PREREQUISITE", description = "TASK no longer waits for "
            + "PREREQUISITE (repeatable).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the history.")
    String reason = "";

    @Option(names = "--agent", paramLabel = "NAME", description = "Who edits (recorded). Default: the user name.")
    String agent = System.getProperty("user.name", "cli");

    @Option(names = "--json", description = "Print JSON (the ce_edit tool's structured result).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<PlanEdit> edits = edits();
        PrintWriter out = workspaceOption.out();
        try (WorkflowService workflows = CommandWiring.withDependencyRules(workspaceOption.open(),
                ProjectSettings.of(Path.of("").toAbsolutePath()), System.getenv())) {
            EditOutcome outcome = workflows.editPlan(workflowId, requestId, edits, reason, agent);
            out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(outcome) + "\n"
                    : text(outcome));
        }
        out.flush();
        return 0;
    }

    private List<PlanEdit> edits() throws IOException {
        List<PlanEdit> edits = new ArrayList<>();
        if (file != null) {
            edits.addAll(EditTool.edits(dev.pce.server.tools.ToolArgs.of(readFile())));
        }
        remove.forEach(task -> edits.add(new PlanEdit.RemoveTask(task)));
        for (String each : estimate) {
            String[] parts = each.split("=", 2);
            if (parts.length != 2) {
                throw usage("--estimate '" + each + "' is not TASK=DURATION.", "Write e.g. --estimate build-api=2h.");
            }
            edits.add(new PlanEdit.Reestimate(parts[0], dev.pce.server.tools.Estimates.minutes(
                    Json.mapper().getNodeFactory().textNode(parts[1]), "--estimate " + parts[0])));
        }
        for (String each : depend) {
            String[] parts = each.split(":", 3);
            if (parts.length < 2 || parts.length == 3 && !parts[2].equals("soft") && !parts[2].equals("hard")) {
                throw usage("--depend '" + each + "' is not TASK:PREREQUISITE[:soft].",
                        "Write e.g. --depend build-ui:build-api or --depend build-ui:design:soft.");
            }
            edits.add(new PlanEdit.AddDependency(parts[0], parts[1], parts.length == 3
                    ? Optional.of(EdgeClass.fromWireName(parts[2])) : Optional.empty()));
        }
        for (String each : drop) {
            String[] parts = each.split(":", 2);
            if (parts.length != 2) {
                throw usage("--drop '" + each + "' is not TASK:PREREQUISITE.", "Write e.g. --drop build-ui:build-api.");
            }
            edits.add(new PlanEdit.DropDependency(parts[0], parts[1]));
        }
        if (edits.isEmpty()) {
            throw usage("No edit given.", "Name at least one: --file, --remove, --estimate, --depend or --drop.");
        }
        return edits;
    }

    private JsonNode readFile() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw usage("--file " + file + " does not exist.", "Name a JSON file with {\"edits\": [...]}.");
        }
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw usage("--file " + file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    "Write it as ce_edit's arguments: {\"edits\": [...]}.");
        }
    }

    private static CeException usage(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }

    private static String text(EditOutcome outcome) {
        StringBuilder text = new StringBuilder();
        text.append(outcome.recorded() ? "Edited " : "Already recorded (nothing changed): ").append(outcome.workflowId())
                .append(" (request ").append(outcome.requestId()).append(")\n");
        outcome.edits().forEach(edit -> text.append("  ").append(edit).append('\n'));
        line(text, "added", outcome.added());
        line(text, "removed", outcome.removed());
        line(text, "changed", outcome.changed());
        line(text, "ready", outcome.ready());
        outcome.etaMinutes().ifPresent(eta -> text.append("ETA ").append(Math.round(eta)).append(" min\n"));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, List<String> ids) {
        if (!ids.isEmpty()) {
            text.append(label).append(": ").append(String.join(", ", ids)).append('\n');
        }
    }
}
