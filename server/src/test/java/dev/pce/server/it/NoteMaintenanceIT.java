package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ce_note_edit through the built server over real stdio, on a real vault: an edit on the version ce_note gave,
 * refused on a stale one; a move whose links follow, the links to it and its own; a deletion refused while notes link to the note; a path out of
 * the vault refused. Every change is searchable when the call returns.
 */
class NoteMaintenanceIT {
    @TempDir
    Path temp;

    private Path vault;
    private ServerUnderTest server;

    @BeforeEach
    void start() throws IOException {
        vault = temp.resolve("vault");
        Files.createDirectories(vault.resolve("inbox"));
        Files.writeString(vault.resolve("inbox/retry-ideas.md"), "---\ntitle: Retries need jitter\n---\n"
                + "Clients that retry together hammer the server in waves, as in [the outage](../outage.md).\n"
                + "![chart](pics/waves.png)\n");
        Files.createDirectories(vault.resolve("inbox/pics"));
        Files.writeString(vault.resolve("inbox/pics/waves.png"), "a chart");
        Files.writeString(vault.resolve("outage.md"), "# Outage\nCaused by [[retry-ideas|synchronized retries]].\n"
                + "\n```\n[[retry-ideas]]\n```\n");
        server = ServerUnderTest.start(temp.resolve("ws"), Map.of("CE_VAULT", vault.toString()));
        server.awaitSearchable("hammer", 1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String version(String note) {
        return server.ok("ce_note", args("note", note)).path("version").asText();
    }

    @Test
    void editsOnTheVersionReadMovesWithTheirLinksAndRefusesWhatWouldLoseOrLeak() throws IOException {
        String version = version("retry-ideas");
        assertThat(version).hasSize(64);

        JsonNode edited = server.ok("ce_note_edit", args("action", "edit", "note", "retry-ideas",
                "version", version, "append", "Add full jitter to the backoff."));
        assertThat(edited.path("indexed").asBoolean()).isTrue();
        assertThat(server.ok("ce_search", args("query", "backoff")).path("hits").path(0).path("note")
                .path("id").asText()).isEqualTo("retry-ideas");
        var stale = server.call("ce_note_edit", args("action", "edit", "note", "retry-ideas", "version", version,
                "body", "Lost?"));
        assertThat(stale.isError()).isTrue();
        assertThat(stale.text()).contains("CONFLICT", "changed since version");

        var outside = server.call("ce_note_edit", args("action", "move", "note", "retry-ideas",
                "to", "../escaped.md"));
        assertThat(outside.isError()).isTrue();
        assertThat(outside.text()).contains("INVALID_ARGUMENT", "'..'");
        assertThat(Files.exists(temp.resolve("escaped.md"))).isFalse();

        JsonNode moved = server.ok("ce_note_edit", args("action", "move", "note", "retry-ideas",
                "to", "patterns/retries/jittered-retries.md"));
        assertThat(moved.path("rewritten")).extracting(JsonNode::asText).containsExactly("outage.md");
        assertThat(Files.readString(vault.resolve("outage.md"))).isEqualTo("# Outage\nCaused by "
                + "[[jittered-retries|synchronized retries]].\n\n```\n[[retry-ideas]]\n```\n");
        assertThat(Files.readString(vault.resolve("patterns/retries/jittered-retries.md"))).as("its own links")
                .contains("as in [the outage](../../outage.md).\n![chart](../../inbox/pics/waves.png)\n");
        // lexical: once the model is loaded, a hybrid search also lists the nearest notes without the word
        assertThat(server.ok("ce_search", args("query", "hammer", "mode", "lexical")).path("hits").path(0).path("note")
                .path("path").asText()).isEqualTo("patterns/retries/jittered-retries.md");

        var linked = server.call("ce_note_edit", args("action", "delete", "note", "jittered-retries",
                "version", moved.path("version").asText()));
        assertThat(linked.isError()).isTrue();
        assertThat(linked.text()).contains("CONFLICT", "outage", "force");
        JsonNode deleted = server.ok("ce_note_edit", args("action", "delete", "note", "jittered-retries",
                "version", moved.path("version").asText(), "force", true));
        assertThat(deleted.path("linked_from")).extracting(JsonNode::asText).containsExactly("outage");
        assertThat(server.ok("ce_search", args("query", "hammer", "mode", "lexical")).path("total").asInt()).isZero();
    }

    @Test
    void anArgumentOfAnotherActionIsRefusedSayingWhichArgumentsFit() {
        var wrong = server.call("ce_note_edit", args("action", "edit", "note", "outage", "version", "x",
                "to", "elsewhere.md"));

        assertThat(wrong.isError()).isTrue();
        assertThat(wrong.text()).contains("INVALID_ARGUMENT", "to is not a known argument", "append");
    }
}
