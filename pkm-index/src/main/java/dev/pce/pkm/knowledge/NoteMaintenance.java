package dev.pce.pkm.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.graph.LinkGraph;
import dev.pce.pkm.graph.LinkRewriter;
import dev.pce.pkm.index.IndexLinks;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.note.NoteParser;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.note.NoteRenderer;
import dev.pce.pkm.note.NoteText;
import dev.pce.pkm.note.ParseResult;
import dev.pce.pkm.vault.Vault;
import dev.pce.pkm.vault.VaultPaths;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Edits, moves and deletes notes of one vault with the safety of a capture: paths checked by the vault (never
 * outside it), every write atomic and made only on the version it was asked on, a move never onto an existing
 * note. The caller updates the index with {@link Outcome#changedPaths()}.
 */
final class NoteMaintenance {
    /** Notes named in a refusal to delete; the rest are counted. */
    private static final int NAMED = 10;

    private final Vault vault;
    private final IndexLinks links;

    /** What a change did: the note after it, the files it changed, the notes whose links it rewrote or left. */
    record Outcome(Note note, boolean deleted, List<String> changedPaths, List<String> rewritten,
                   List<String> notRewritten, List<String> linkedFrom) {
    }

    NoteMaintenance(Vault vault, IndexLinks links) {
        this.vault = vault;
        this.links = links;
    }

    Outcome edit(Note note, NoteChange.Edit edit) {
        if (edit.body().isPresent() && edit.append().isPresent()) {
            throw invalid("Both body and append are given.", "Give body to replace the note's body, or append to "
                    + "add to its end, not both.");
        }
        Vault.Content content = vault.content(note.path());
        NoteText text = decoded(content);
        String body = edit.body().map(NoteMaintenance::endingInNewLine)
                .or(() -> edit.append().map(more -> appended(note.body(), more))).orElse(note.body());
        String newText = edit.frontMatter().isPresent()
                ? NoteRenderer.render(frontMatter(note, edit.frontMatter().get()).frontMatter(), body)
                : text.head() + body;
        Note written = vault.overwrite(note.path(), edit.version(), text.with(newText).encode());
        return new Outcome(written, false, List.of(note.path()), List.of(), List.of(), List.of());
    }

    Outcome move(Note note, NoteChange.Move move) {
        String target = VaultPaths.normalize(move.to());
        vault.paths().resolve(target);
        if (target.equals(note.path())) {
            throw invalid("The note is at " + target + " already.", "Give to a new vault-relative path.");
        }
        Vault.Content content = vault.content(note.path());
        String version = move.version().orElse(content.version());
        NoteText text = decoded(content);
        Note moved = vault.parse(target, content.bytes());
        List<LinkGraph.Node> nodes = nodesWith(note);
        requireUniqueId(note, moved, nodes);
        LinkRewriter rewriter = new LinkRewriter(nodes, LinkGraph.Node.of(note), LinkGraph.Node.of(moved));
        String selfRewritten = rewriter.rewriteMoved(text.text(), this::exists).text();
        Note written = vault.move(note.path(), version, target, text.with(selfRewritten).encode());
        List<String> changed = new ArrayList<>(List.of(note.path(), target));
        List<String> rewritten = new ArrayList<>();
        List<String> notRewritten = new ArrayList<>();
        for (String path : rewriter.linkingPaths()) {
            if (path.equals(note.path())) {
                continue;
            }
            try {
                Vault.Content linking = vault.content(path);
                NoteText linkingText = decoded(linking);
                LinkRewriter.Rewrite rewrite = rewriter.rewrite(path, linkingText.text());
                if (rewrite.links() > 0) {
                    vault.overwrite(path, linking.version(), linkingText.with(rewrite.text()).encode());
                    rewritten.add(path);
                    changed.add(path);
                }
            } catch (CeException e) {
                notRewritten.add(path); // changed or gone meanwhile: its links are left for a look, never lost
            }
        }
        return new Outcome(written, false, changed, rewritten, notRewritten, List.of());
    }

    Outcome delete(Note note, NoteChange.Delete delete) {
        List<String> linkedFrom = links.graph().backlinks(note.id()).stream().map(NoteId::value).toList();
        if (!linkedFrom.isEmpty() && !delete.evenIfLinked()) {
            throw new CeException(ErrorCode.CONFLICT, linkedFrom.size() + " note" + (linkedFrom.size() == 1 ? "" : "s")
                    + " link to " + note.path() + ": " + named(linkedFrom) + "; it was not deleted.",
                    "Change those links first (or move the note instead), or delete it anyway (ce_note_edit's force: "
                            + "true, ce note delete --even-if-linked); "
                            + "their links will then lead nowhere.");
        }
        vault.delete(note.path(), delete.version());
        return new Outcome(note, true, List.of(note.path()), List.of(), List.of(), linkedFrom);
    }

    /**
     * Whether a file is at {@code path} (vault-relative, without {@code ..}): what a moved note's relative link leads
     * to. Only looked at, never read, so any file counts, an image as much as a note.
     */
    private boolean exists(String path) {
        try {
            return Files.exists(vault.root().resolve(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** A move that gives the note the id of another note would leave one of them out of the index: refused. */
    private static void requireUniqueId(Note note, Note moved, List<LinkGraph.Node> nodes) {
        for (LinkGraph.Node node : nodes) {
            if (node.id().equals(moved.id()) && !node.path().equals(note.path())) {
                throw new CeException(ErrorCode.CONFLICT, "At " + moved.path() + " the note would have the id '"
                        + moved.id() + "', which " + node.path() + " has already; it was not moved.",
                        "Choose another file name, or give the note an 'id' of its own in its front matter first.");
            }
        }
    }

    /** The notes of the index, with {@code note} as read now in place of (or in addition to) its indexed form. */
    private List<LinkGraph.Node> nodesWith(Note note) {
        List<LinkGraph.Node> nodes = new ArrayList<>();
        for (LinkGraph.Node node : links.nodes()) {
            if (!node.id().equals(note.id())) {
                nodes.add(node);
            }
        }
        nodes.add(LinkGraph.Node.of(note));
        return nodes;
    }

    /** The note's front matter with {@code fields} set ({@code null} removes one), checked as a parse checks it. */
    private static Note frontMatter(Note note, ObjectNode fields) {
        ObjectNode merged = FrontMatterJson.of(note.frontMatter());
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> field = entries.next();
            if (field.getKey().equals("id")) {
                throw invalid("front_matter.id cannot be changed by an edit: links and searches know the note by "
                        + "it.", "Leave id out; to rename the note's file, use action move.");
            }
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        // JSON is YAML: the parser reads the fields exactly as it reads a note's front matter
        String markdown = merged.isEmpty() ? note.body() : "---\n" + merged + "\n---\n" + note.body();
        return switch (new NoteParser().parse(note.path(), markdown)) {
            case ParseResult.Problem problem -> throw invalid("front_matter would not be readable: "
                    + problem.problem().what(), problem.problem().fix());
            case ParseResult.Parsed parsed -> {
                Optional<NoteProblem> warning = parsed.warnings().stream().findFirst();
                if (warning.isPresent()) {
                    throw invalid("front_matter: " + warning.get().what(), warning.get().fix());
                }
                yield parsed.note();
            }
        };
    }

    private static NoteText decoded(Vault.Content content) {
        return NoteText.decode(content.bytes()).orElseThrow(() -> invalid("The note " + content.path()
                + " is not UTF-8 text.", "Save it as UTF-8 first."));
    }

    private static String appended(String body, String more) {
        String addition = endingInNewLine(more);
        return body.isBlank() ? addition : body.stripTrailing() + "\n\n" + addition;
    }

    private static String endingInNewLine(String text) {
        String lf = text.replace("\r\n", "\n");
        return lf.isEmpty() || lf.endsWith("\n") ? lf : lf + "\n";
    }

    private static String named(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())));
        return ids.size() > NAMED ? shown + " and " + (ids.size() - NAMED) + " more" : shown;
    }

    private static CeException invalid(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }
}
