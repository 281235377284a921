package dev.pce.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.pkm.note.Note;
import dev.pce.server.knowledge.Learnings;
import dev.pce.server.knowledge.LearningsAccess;
import dev.pce.server.knowledge.NoteRefs.NoteRef;

import java.util.List;
import java.util.Optional;

/** ce_note: one note by id or path, with its front matter, body and links. */
public final class NoteTool implements CeTool {
    private final LearningsAccess learnings;

    public NoteTool(LearningsAccess learnings) {
        this.learnings = learnings;
    }

    @Override
    public String name() {
        return ToolName.CE_NOTE.wireName();
    }

    /** What ce_note answers. */
    public record Output(NoteRef note, ObjectNode frontMatter, String body, List<String> tags,
                         Learnings.NoteLinks links) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String wanted = args.requiredText("note", 1_000).strip();
        Optional<String> vault = args.optionalString("vault", 64);
        Learnings open = learnings.get();
        return ToolOutput.json(read(open, wanted, vault));
    }

    static Output read(Learnings learnings, String idOrPath, Optional<String> vault) {
        Learnings.Found found = learnings.read(idOrPath, vault);
        Note note = found.note();
        return new Output(NoteOutputs.ref(learnings, found.vault(), note),
                NoteOutputs.frontMatter(note.frontMatter()), note.body(), note.tags(),
                NoteOutputs.links(learnings, found.vault(), note));
    }
}
