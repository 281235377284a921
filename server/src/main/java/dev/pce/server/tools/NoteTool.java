package dev.pce.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NoteLinks;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;

import java.util.List;
import java.util.Optional;

/**
 * ce_note: one note by id or path, with its version (for ce_note_edit), front matter, body and links: the first ids
 * of each list, the counts in all, and the link targets that name no note.
 */
public final class NoteTool implements CeTool {
    private final VaultKnowledgeStore knowledge;

    public NoteTool(VaultKnowledgeStore knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String name() {
        return ToolName.CE_NOTE.wireName();
    }

    /** What ce_note answers. */
    public record Output(NoteRef note, String version, ObjectNode frontMatter, String body, List<String> tags,
                         NoteLinks links, VaultKnowledgeStore.LinkCounts linkCounts, List<String> unresolvedLinks) {
        /** The answer for a note as read (also what {@code ce note show --json} prints). */
        public static Output of(VaultKnowledgeStore.ReadNote read) {
            KnowledgeNote note = read.note();
            return new Output(note.note(), read.version(), note.frontMatter(), note.body(), note.tags(), read.links(),
                    read.linkCounts(), read.unresolvedLinks());
        }
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String wanted = args.requiredText("note", 1_000).strip();
        Optional<String> vault = args.optionalString("vault", 64);
        return ToolOutput.json(Output.of(knowledge.read(wanted, vault)));
    }
}
