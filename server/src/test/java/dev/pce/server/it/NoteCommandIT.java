package dev.pce.server.it;

import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce note} of the built jar on a real vault, as a maintainer or a CI script runs it: an edit on the version
 * {@code show} printed, refused on a stale one with nothing changed; a move whose links follow (the links to it and
 * its own); a deletion refused while linked; paths out of the vault refused.
 */
class NoteCommandIT {
    private static final Pattern VERSION = Pattern.compile("(?m)^version: ([0-9a-f]{64})$");

    @TempDir
    Path temp;

    private Path vault;
    private Path workspace;

    @BeforeEach
    void vault() throws IOException {
        vault = temp.resolve("vault");
        workspace = temp.resolve("ws");
        Files.createDirectories(vault.resolve("inbox/pics"));
        Files.writeString(vault.resolve("inbox/retry-ideas.md"), "---\ntitle: Retries need jitter\n---\n"
                + "Clients that retry together hammer the server, as in [the outage](../outage.md).\n"
                + "![chart](pics/waves.png)\n");
        Files.writeString(vault.resolve("inbox/pics/waves.png"), "a chart");
        Files.writeString(vault.resolve("outage.md"), "# Outage\nCaused by [[retry-ideas|synchronized retries]] "
                + "and [these](inbox/retry-ideas.md#why).\n");
        Files.writeString(vault.resolve("scratch.md"), "# Scratch\nNothing yet.\n");
    }

    private Run ce(String... arguments) throws IOException, InterruptedException {
        return CeProcess.run(Optional.of(temp), workspace, Map.of("CE_VAULT", vault.toString()), arguments);
    }

    private String version(String note) throws IOException, InterruptedException {
        Run shown = ce("note", "show", note);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        Matcher version = VERSION.matcher(shown.out());
        assertThat(version.find()).as(shown.out()).isTrue();
        return version.group(1);
    }

    @Test
    void editsOnTheVersionShownAndRefusesAStaleOneWithNothingChanged() throws Exception {
        String version = version("retry-ideas");
        Path body = Files.writeString(temp.resolve("body.md"), "Add full jitter to the backoff.\n");

        Run edited = ce("note", "edit", "inbox/retry-ideas.md", "--version", version, "--content-file",
                body.toString());

        assertThat(edited.exitCode()).as(edited.err()).isZero();
        assertThat(edited.out()).contains("Edited inbox/retry-ideas.md (version ");
        String afterEdit = Files.readString(vault.resolve("inbox/retry-ideas.md"));
        assertThat(afterEdit).isEqualTo("---\ntitle: Retries need jitter\n---\nAdd full jitter to the backoff.\n");

        Run stale = ce("note", "edit", "retry-ideas", "--version", version, "--content-file", body.toString(),
                "--append");
        assertThat(stale.exitCode()).isEqualTo(2);
        assertThat(stale.err()).contains("changed since version", "ce note show");
        Run unversioned = ce("note", "delete", "retry-ideas");
        assertThat(unversioned.exitCode()).isEqualTo(2);
        assertThat(unversioned.err()).contains("needs the version", "--version", "--force");
        assertThat(Files.readString(vault.resolve("inbox/retry-ideas.md"))).isEqualTo(afterEdit);
    }

    @Test
    void forcedEditReadsTheBodyFromStdin() throws Exception {
        ProcessBuilder command = CeProcess.command(Optional.of(temp), workspace, Map.of(), "note", "edit",
                "scratch.md", "--vault", vault.toString(), "--force", "--append", "--content-file", "-");
        Process process = command.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("Written from a pipe.".getBytes(StandardCharsets.UTF_8));
        }
        Run appended = CeProcess.finish(process, Duration.ofMinutes(2));

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(Files.readString(vault.resolve("scratch.md"))).isEqualTo("# Scratch\nNothing yet.\n\n"
                + "Written from a pipe.\n");
    }

    @Test
    void aMoveRewritesTheLinksToTheNoteAndItsOwnRelativeLinks() throws Exception {
        Run moved = ce("note", "move", "retry-ideas", "patterns/retries/jittered-retries.md");

        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("Moved to patterns/retries/jittered-retries.md",
                "Links rewritten in: outage.md");
        assertThat(vault.resolve("inbox/retry-ideas.md")).doesNotExist();
        assertThat(Files.readString(vault.resolve("outage.md"))).isEqualTo("# Outage\nCaused by "
                + "[[jittered-retries|synchronized retries]] and [these](patterns/retries/jittered-retries.md#why).\n");
        assertThat(Files.readString(vault.resolve("patterns/retries/jittered-retries.md")))
                .contains("as in [the outage](../../outage.md).\n![chart](../../inbox/pics/waves.png)\n");
        assertThat(ce("note", "show", "jittered-retries").out()).contains("path: patterns/retries/jittered-retries.md",
                "links: 1 to notes, 1 from notes");
        assertThat(ce("note", "show", "jittered-retries", "--json").out()).as("what ce_note answers")
                .contains("\"path\" : \"patterns/retries/jittered-retries.md\"", "\"link_counts\"", "\"version\"");
    }

    @Test
    void aDeletionIsRefusedWhileLinkedUnlessAskedAndPathsOutOfTheVaultAreRefused() throws Exception {
        Run linked = ce("note", "delete", "retry-ideas", "--version", version("retry-ideas"));
        assertThat(linked.exitCode()).isEqualTo(2);
        assertThat(linked.err()).contains("outage", "--even-if-linked");
        assertThat(vault.resolve("inbox/retry-ideas.md")).exists();

        Run deleted = ce("note", "delete", "retry-ideas", "--force", "--even-if-linked");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Deleted inbox/retry-ideas.md", "Still linked from", "outage");
        assertThat(vault.resolve("inbox/retry-ideas.md")).doesNotExist();

        Files.writeString(temp.resolve("outside.md"), "# Outside\n");
        Path body = Files.writeString(temp.resolve("body.md"), "Overwritten?\n");
        Run outsideEdit = ce("note", "edit", "../outside.md", "--force", "--content-file", body.toString());
        assertThat(outsideEdit.exitCode()).isEqualTo(2);
        assertThat(outsideEdit.err()).contains("'..'");
        Run outsideMove = ce("note", "move", "scratch", "../escaped.md");
        assertThat(outsideMove.exitCode()).isEqualTo(2);
        assertThat(outsideMove.err()).contains("'..'");
        assertThat(Files.readString(temp.resolve("outside.md"))).isEqualTo("# Outside\n");
        assertThat(temp.resolve("escaped.md")).doesNotExist();
        assertThat(vault.resolve("scratch.md")).exists();
    }

    @Test
    void theHelpNamesTheVersionOptionAndAMissingVaultIsNamed() throws Exception {
        Run help = ce("note", "edit", "--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("--content-file", "--version", "--force", "--append", "--vault");

        Run missing = ce("note", "show", "x", "--vault", temp.resolve("no-such-vault").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such-vault", "does not exist", "--vault");
        assertThat(temp.resolve("no-such-vault")).doesNotExist();
    }
}
