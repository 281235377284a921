package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.pkm.index.bench.IndexBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vault of CE_VAULTS that is still being indexed at start-up is named in ce_search's answer, not left out
 * silently. The vault is big enough that its first indexing (seconds, on a fresh index) outlasts the first search,
 * which is sent as soon as the server is initialized.
 */
class IndexingAtStartupIT {
    private static final int NOTES = 8_000;

    @TempDir
    Path temp;

    @Test
    void aVaultStillBeingIndexedIsNamedUntilItsFirstIndexingIsDone() throws IOException, InterruptedException {
        Path own = Files.createDirectories(temp.resolve("shop").resolve("vault"));
        Path archive = Files.createDirectories(temp.resolve("archive").resolve("vault"));
        new IndexBench(3).generate(archive, NOTES);
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"), Map.of("CE_VAULT", own.toString(),
                "CE_PROJECT", "shop", "CE_VAULTS", archive.toString()))) {
            JsonNode first = server.ok("ce_search", args("query", ""));
            assertThat(first.path("vaults")).extracting(JsonNode::asText).containsExactly("shop", "archive");
            assertThat(first.path("indexing")).extracting(JsonNode::asText).contains("archive");
            assertThat(first.path("notices")).extracting(JsonNode::asText)
                    .anySatisfy(notice -> assertThat(notice).contains("Still being indexed", "archive"));

            JsonNode done = awaitIndexed(server, Duration.ofMinutes(2));
            assertThat(server.ok("ce_search", args("query", "", "vaults", java.util.List.of("archive")))
                    .path("total").asInt()).as("the archive's notes, once indexed").isPositive();
            assertThat(done.path("notices")).extracting(JsonNode::asText)
                    .noneSatisfy(notice -> assertThat(notice).contains("Still being indexed"));
        }
    }

    /** The first answer whose indexing list is empty. */
    private static JsonNode awaitIndexed(ServerUnderTest server, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode answer = server.ok("ce_search", args("query", ""));
            if (answer.path("indexing").isEmpty()) {
                return answer;
            }
            assertThat(System.nanoTime()).as("indexed within %s", limit).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
