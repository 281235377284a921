package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.knowledge.CapturedNote;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.WorkflowService;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.pkm.note.FrontMatter;
import dev.pce.pkm.note.Tags;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** ce_capture: writes a learning into the project's vault as a new note, linked to its workflow and tasks. */
public final class CaptureTool implements CeTool {
    static final List<String> TYPES = List.of("insight", "decision", "failure", "pattern");
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 200_000;

    private final WorkflowService workflows;
    private final VaultKnowledgeStore knowledge;
    private final Clock clock;

    public CaptureTool(WorkflowService workflows, VaultKnowledgeStore knowledge, Clock clock) {
        this.workflows = workflows;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    @Override
    public String name() {
        return ToolName.CE_CAPTURE.wireName();
    }

    /** What ce_capture answers. */
    public record Output(NoteRef note, boolean indexed, ObjectNode frontMatter) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String type = args.requiredString("type", 64);
        if (!TYPES.contains(type)) {
            throw ToolArgs.invalid(args.where("type") + " is '" + type + "', not a kind of learning.",
                    "Use one of " + TYPES + ".");
        }
        String title = args.requiredText("title", MAX_TITLE).strip();
        String body = args.requiredString("body", MAX_BODY);
        String status = args.optionalString("status", 64).map(String::strip).filter(s -> !s.isEmpty())
                .orElse("draft");
        List<String> tags = new ArrayList<>();
        for (String tag : args.stringList("tags", 20, 64)) {
            String name = tag.startsWith("#") ? tag.substring(1) : tag;
            if (!Tags.isValid(name)) {
                throw ToolArgs.invalid(args.where("tags") + " has '" + tag + "', which is not a tag.",
                        "Use letters, digits, '_', '-' and '/' (for nesting), with at least one letter, '_' or '-'.");
            }
            tags.add(name);
        }
        List<String> links = new ArrayList<>();
        for (String link : args.stringList("links", 50, 200)) {
            if (!FrontMatter.isLinkTarget(link)) {
                throw ToolArgs.invalid(args.where("links") + " has '" + link + "', which is not a link target.",
                        "Give a note id or title without [[ ]], '|', '#' or line breaks.");
            }
            links.add(link);
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        linkWorkflow(args, extra);
        args.optionalString("agent", Limits.MAX_ID_LENGTH)
                .ifPresent(agent -> extra.put("agent", TextNode.valueOf(Ids.requireName(agent, args.where("agent")))));

        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        CapturedNote captured = knowledge.capture(new NewNote(now, type + "s", title, type, status, tags, links,
                extra, body));
        return ToolOutput.json(new Output(captured.note(), captured.indexed(), captured.frontMatter()));
    }

    /** Records the workflow and tasks in the front matter, after checking that they exist. */
    private void linkWorkflow(ToolArgs args, Map<String, JsonNode> extra) {
        Optional<String> workflowId = args.optionalString("workflow_id", Limits.MAX_ID_LENGTH)
                .map(id -> Ids.requireWorkflowId(id, args.where("workflow_id")));
        List<String> taskIds = args.stringList("task_ids", 100, Limits.MAX_ID_LENGTH);
        if (workflowId.isEmpty()) {
            if (!taskIds.isEmpty()) {
                throw ToolArgs.invalid(args.where("task_ids") + " is given without workflow_id.",
                        "Add the workflow_id the tasks belong to.");
            }
            return;
        }
        Set<String> known = workflows.plannedTasks(workflowId.get()).stream().map(TaskSpec::id)
                .collect(Collectors.toSet());
        List<String> unknown = taskIds.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new CeException(ErrorCode.UNKNOWN_TASK, "The workflow " + workflowId.get() + " has no task "
                    + String.join(", ", unknown) + ".", "Give ids of the workflow's tasks (see ce_status).");
        }
        extra.put("workflow", TextNode.valueOf(workflowId.get()));
        if (!taskIds.isEmpty()) {
            ArrayNode tasks = Json.mapper().createArrayNode();
            taskIds.stream().distinct().forEach(tasks::add);
            extra.put("tasks", tasks);
        }
    }
}
