package dev.pce.pkm.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known-item search of issue 20: a person remembers words of a note's body. One of the words is another
 * note's short title; the note they mean has all the words in its body and must still come first.
 */
class KnownItemRankingTest {
    @TempDir
    Path tmp;
    private VaultIndex index;

    @BeforeEach
    void setUp() {
        TestVault notes = new TestVault(tmp.resolve("vault"));
        notes.note("birds/canary.md", "Canary", null, null, List.of(), null, "A small yellow songbird.");
        notes.note("ops/releases.md", "How we ship releases", null, null, List.of(), null,
                "We roll a canary build out to a few hosts first, watch the error budget, and run the rollback "
                        + "script as soon as latency rises above the limit. Then the rest of the fleet follows.");
        notes.note("ops/canary-hosts.md", "Hosts of the first wave", null, null, List.of(), null,
                "The canary wave is three hosts in one zone.");
        notes.note("ops/db-migrations.md", "Database migrations", null, null, List.of(), null,
                "Every migration needs a rollback step that was tried on a copy of production.");
        notes.note("ops/dashboards.md", "Dashboards", null, null, List.of(), null,
                "The latency panel shows the 99th percentile per zone.");
        notes.note("ops/feature-flags.md", "Feature flags", null, null, List.of(), null,
                "A flag is the cheapest rollback: turn it off and the old path runs again.");
        notes.note("ops/caching.md", "Caching", null, null, List.of(), null,
                "The cache hides database latency until it is cold after a deploy.");
        index = VaultIndex.open(tmp.resolve("index"), "ops");
        index.update(notes.vault());
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    @Test
    void severalWordsOfTheTargetsBodyOutrankOneWordOfAnotherNotesShortTitle() {
        List<String> paths = VaultSearcher.of(index).search(SearchQuery.of("canary rollback latency")).hits().stream()
                .map(SearchHit::path).toList();

        assertThat(paths).first().isEqualTo("ops/releases.md");
    }
}
