package dev.pce.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.pkm.knowledge.ChangedNote;
import dev.pce.pkm.knowledge.NoteChange;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.pkm.knowledge.VaultSources;
import dev.pce.server.tools.NoteTool;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code ce note show|edit|move|delete}: a note of the project's own vault maintained from a shell or a CI script,
 * through the same code and with the same safety as {@code ce_note_edit}: paths inside the vault only, a change made
 * only on the version named ({@code --version}, which {@code show} prints) unless {@code --force} says to take the
 * note as it is now, a move whose links follow.
 */
@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Show, edit, move or delete a note of the project's vault ($CE_VAULT), as ce_note_edit does: "
                + "a change is made only on the version of the note you read (ce note show prints it), and a move "
                + "rewrites the links to the note and the note's own relative links.",
        subcommands = {NoteCommand.Show.class, NoteCommand.Edit.class, NoteCommand.Move.class,
                NoteCommand.Delete.class})
public final class NoteCommand {
    private static final String NOTE_HELP = "The note: its id, or its path in the vault (ending in .md).";
    private static final String VERSION_HELP = "The version of the note you read (ce note show prints it): a note "
            + "changed since is refused, and nothing is changed.";
    /** The longest body an edit takes, as ce_capture and ce_note_edit take it. */
    private static final int MAX_CONTENT_BYTES = 200_000;

    private NoteCommand() {
    }

    /**
     * What the subcommands share: the vault, the help option (without picocli's {@code --version}, which names the
     * note's version here) and the output.
     */
    @Command
    static final class VaultOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--vault", paramLabel = "DIR",
                description = "The project's vault (default: $CE_VAULT, else the vault of .ce/config.yml, else vault/ "
                        + "in the workspace).")
        Path dir;

        @Option(names = "--json", description = "Print JSON (what ce_note or ce_note_edit answers).")
        boolean json;

        /** The own vault, indexed, so a move finds every note that links to its note. */
        VaultKnowledgeStore open(WorkspaceOption workspace) {
            Map<String, String> environment = new HashMap<>(System.getenv());
            if (dir != null) {
                environment.put(VaultSources.VAULT_VARIABLE, dir.toAbsolutePath().toString());
            }
            return CommandWiring.ownVault(workspace.open(), environment);
        }

        /** Runs {@code change} on the open vault and prints what it did. */
        int change(WorkspaceOption workspace, Function<VaultKnowledgeStore, NoteChange> change, String done) {
            PrintWriter out = workspace.out();
            try (VaultKnowledgeStore store = open(workspace)) {
                ChangedNote changed = store.change(change.apply(store));
                out.print(json ? json(changed) : text(changed, done));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code --version V} or {@code --force}: which version of the note a change is made on. */
    @Command
    static final class VersionOption {
        @Option(names = "--version", paramLabel = "VERSION", description = VERSION_HELP)
        String version;

        @Option(names = "--force", description = "Change the note as it is now, whatever changed since you read it.")
        boolean force;

        /** The version to name: the one given, or with {@code --force} the note's version now. */
        String version(VaultKnowledgeStore store, String note, String command) {
            if (version != null && force) {
                throw invalid("ce note " + command + " got both --version and --force.",
                        "Give --version to change the note only if it is still the version you read, or --force to "
                                + "change it as it is now; not both.");
            }
            if (version != null) {
                return version.strip();
            }
            if (!force) {
                throw invalid("ce note " + command + " " + note + " needs the version of the note it changes.",
                        "Pass --version VERSION as 'ce note show " + note + "' prints it (a note changed since is "
                                + "then never overwritten), or --force to change the note as it is now.");
            }
            return store.read(note, Optional.empty()).version();
        }
    }

    /** {@code ce note show NOTE [--body]}. */
    @Command(name = "show",
            description = "Print a note's path, id, title, version (what --version takes) and link counts; with "
                    + "--body, its markdown body alone (what edit --content-file replaces).")
    static final class Show implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspaceOption;

        @Mixin
        VaultOption vault;

        @Parameters(paramLabel = "NOTE", description = NOTE_HELP)
        String note;

        @Option(names = "--body", description = "Print the note's body alone.")
        boolean body;

        @Override
        public Integer call() {
            PrintWriter out = workspaceOption.out();
            try (VaultKnowledgeStore store = vault.open(workspaceOption)) {
                VaultKnowledgeStore.ReadNote read = store.read(note, Optional.empty());
                NoteRef ref = read.note().note();
                if (vault.json) {
                    out.print(json(NoteTool.Output.of(read)));
                } else if (body) {
                    out.print(read.note().body());
                } else {
                    out.printf("path: %s%nid: %s%ntitle: %s%nversion: %s%nlinks: %d to notes, %d from notes, %d "
                                    + "unresolved%n", ref.path(), ref.id(), ref.title(), read.version(),
                            read.linkCounts().linksTo(), read.linkCounts().linkedFrom(),
                            read.linkCounts().unresolved());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code ce note edit NOTE --content-file FILE|- (--version V | --force) [--append]}. */
    @Command(name = "edit",
            description = "Replace a note's body with the content of FILE (- reads stdin), or add it at the end "
                    + "with --append; the front matter stays as written. Refused, with nothing changed, when the "
                    + "note is no longer the version given.")
    static final class Edit implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspaceOption;

        @Mixin
        VaultOption vault;

        @Mixin
        VersionOption version;

        @Parameters(paramLabel = "NOTE", description = NOTE_HELP)
        String note;

        @Option(names = "--content-file", paramLabel = "FILE", required = true,
                description = "The new body: markdown, UTF-8, without front matter; - reads it from stdin.")
        String contentFile;

        @Option(names = "--append", description = "Add the content after the body (after a blank line) instead of "
                + "replacing the body.")
        boolean append;

        @Override
        public Integer call() {
            String content = content(contentFile);
            return vault.change(workspaceOption, store -> new NoteChange.Edit(note,
                    version.version(store, note, "edit"), append ? Optional.empty() : Optional.of(content),
                    append ? Optional.of(content) : Optional.empty(), Optional.empty()), "Edited");
        }
    }

    /** {@code ce note move NOTE TO [--version V]}. */
    @Command(name = "move",
            description = "Move a note to TO (a path in the vault ending in .md). The links to it in other notes, "
                    + "and its own relative links, are rewritten to lead to the same notes and files.")
    static final class Move implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspaceOption;

        @Mixin
        VaultOption vault;

        @Parameters(index = "0", paramLabel = "NOTE", description = NOTE_HELP)
        String note;

        @Parameters(index = "1", paramLabel = "TO", description = "The new path in the vault, ending in .md.")
        String to;

        @Option(names = "--version", paramLabel = "VERSION", description = VERSION_HELP + " Optional for a move.")
        String version;

        @Override
        public Integer call() {
            return vault.change(workspaceOption, store -> new NoteChange.Move(note,
                    Optional.ofNullable(version).map(String::strip), to), "Moved to");
        }
    }

    /** {@code ce note delete NOTE (--version V | --force) [--even-if-linked]}. */
    @Command(name = "delete",
            description = "Delete a note. Refused while other notes link to it (they are named), unless "
                    + "--even-if-linked.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspaceOption;

        @Mixin
        VaultOption vault;

        @Mixin
        VersionOption version;

        @Parameters(paramLabel = "NOTE", description = NOTE_HELP)
        String note;

        @Option(names = "--even-if-linked", description = "Delete it although notes link to it; their links then "
                + "lead nowhere.")
        boolean evenIfLinked;

        @Override
        public Integer call() {
            return vault.change(workspaceOption, store -> new NoteChange.Delete(note,
                    version.version(store, note, "delete"), evenIfLinked), "Deleted");
        }
    }

    /** The content of {@code file} ({@code -}: stdin) as UTF-8 text, a body without front matter. */
    private static String content(String file) {
        String where = file.equals("-") ? "stdin" : file;
        byte[] bytes;
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            bytes = in.readNBytes(MAX_CONTENT_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw invalid("--content-file " + file + " does not exist.", "Name the file with the new body, or - "
                    + "to read it from stdin.");
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot read --content-file " + file + ": " + e.getMessage(),
                    "Check the file's permissions.", e);
        }
        if (bytes.length > MAX_CONTENT_BYTES) {
            throw invalid("The content of " + where + " is longer than " + MAX_CONTENT_BYTES + " bytes.",
                    "Split the note, or shorten it.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("The content of " + where + " is not UTF-8 text.", "Save it as UTF-8.");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.startsWith("---\n") || body.startsWith("---\r\n")) {
            throw invalid("The content of " + where + " starts with front matter (a --- line); --content-file gives "
                    + "the note's body only, and the note keeps its front matter as written.",
                    "Leave the front matter out ('ce note show NOTE --body' prints the body alone); change front "
                            + "matter fields in the file itself or with ce_note_edit's front_matter.");
        }
        return body;
    }

    private static String text(ChangedNote changed, String done) {
        StringBuilder text = new StringBuilder(done).append(' ').append(changed.note().path());
        changed.version().ifPresent(version -> text.append(" (version ").append(version).append(')'));
        text.append('\n');
        line(text, "Links rewritten in", changed.rewritten());
        line(text, "Changed meanwhile, links left as they were (look at them)", changed.notRewritten());
        line(text, "Still linked from (those links now lead nowhere)", changed.linkedFrom());
        if (!changed.indexed()) {
            text.append("A running PCE server indexes the change within a second.\n");
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, List<String> items) {
        if (!items.isEmpty()) {
            text.append(label).append(": ").append(String.join(", ", items)).append('\n');
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a note's answer is always JSON", e);
        }
    }

    private static CeException invalid(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }
}
