package dev.pce.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.pkm.knowledge.NoteChange;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ce_note_edit: edits, moves or deletes a note of the project's own vault, on the version ce_note read (see
 * {@link NoteChange}). Each action takes only its own arguments, so a mistyped call is refused, not half-applied.
 */
public final class NoteEditTool implements CeTool {
    static final List<String> ACTIONS = List.of("edit", "move", "delete");
    private static final int MAX_VERSION = 64;
    private static final int MAX_FRONT_MATTER_BYTES = 64 * 1024;

    private final VaultKnowledgeStore knowledge;

    public NoteEditTool(VaultKnowledgeStore knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String name() {
        return ToolName.CE_NOTE_EDIT.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String action = args.requiredString("action", 16);
        String note = args.requiredText("note", 1_000).strip();
        NoteChange change = switch (action) {
            case "edit" -> edit(args.allowOnly(Set.of("action", "note", "version", "body", "append",
                    "front_matter")), note);
            case "move" -> new NoteChange.Move(note, args.allowOnly(Set.of("action", "note", "version", "to"))
                    .optionalString("version", MAX_VERSION), args.requiredText("to", 1_000).strip());
            case "delete" -> new NoteChange.Delete(note, version(args.allowOnly(Set.of("action", "note", "version",
                    "force")), action), args.bool("force", false));
            default -> throw ToolArgs.invalid(args.where("action") + " is '" + action + "'; not an action.",
                    "Use one of " + ACTIONS + ".");
        };
        return ToolOutput.json(knowledge.change(change));
    }

    private static NoteChange.Edit edit(ToolArgs args, String note) {
        Optional<String> body = args.optionalString("body", CaptureTool.MAX_BODY);
        Optional<String> append = args.optionalString("append", CaptureTool.MAX_BODY);
        Optional<ObjectNode> frontMatter = args.raw("front_matter").isEmpty() ? Optional.empty()
                : Optional.of((ObjectNode) args.object("front_matter", MAX_FRONT_MATTER_BYTES));
        if (body.isEmpty() && append.isEmpty() && frontMatter.isEmpty()) {
            throw ToolArgs.invalid("An edit of " + note + " gives no body, append or front_matter.",
                    "Give the new body, text to append, or front matter fields to set.");
        }
        return new NoteChange.Edit(note, version(args, "edit"), body, append, frontMatter);
    }

    private static String version(ToolArgs args, String action) {
        return args.optionalString("version", MAX_VERSION).orElseThrow(() -> ToolArgs.invalid(
                args.where("version") + " is missing; " + action + " needs the version of the note it changes.",
                "Read the note with ce_note and pass its version: a note changed since is then never overwritten."));
    }
}
