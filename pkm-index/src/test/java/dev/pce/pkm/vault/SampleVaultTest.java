package dev.pce.pkm.vault;

import dev.pce.pkm.note.FrontMatter;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDate;
import dev.pce.pkm.note.NoteDraft;
import dev.pce.pkm.note.WikiLink;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample vault in examples/vault parses cleanly and its links hold together. */
class SampleVaultTest {
    /** Surefire runs in the module's directory. */
    private static final Path SAMPLE = Path.of("..", "examples", "vault");

    @Test
    void everySampleNoteParsesWithoutProblems() {
        ScanResult scan = Vault.open(SAMPLE).scan();

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.notes()).hasSizeBetween(5, 8);
        assertThat(scan.notes()).allSatisfy(note -> {
            assertThat(note.id().isCanonical()).as(note.path()).isTrue();
            assertThat(note.path()).endsWith(note.id().value() + ".md");
            assertThat(note.frontMatter().type()).as(note.path()).isPresent();
            assertThat(note.frontMatter().date()).as(note.path()).isPresent();
        });
        assertThat(scan.notes()).extracting(n -> n.frontMatter().type().orElseThrow())
                .contains("insight", "decision", "failure", "pattern");
    }

    @Test
    void everyNoteLinkPointsAtANoteOfTheVault() {
        ScanResult scan = Vault.open(SAMPLE).scan();
        Set<String> ids = scan.notes().stream().map(n -> n.id().value()).collect(Collectors.toSet());

        for (Note note : scan.notes()) {
            assertThat(note.linkTargets()).as(note.path()).isNotEmpty();
            note.links().stream().filter(l -> !l.embed()).map(WikiLink::target)
                    .forEach(target -> assertThat(ids).as(note.path()).contains(target));
            note.frontMatter().links().forEach(target -> assertThat(ids).as(note.path()).contains(target));
        }
    }

    @Test
    void codeInTheSamplesHidesLinksAndTags() {
        Map<String, Note> byId = Vault.open(SAMPLE).scan().notes().stream()
                .collect(Collectors.toMap(n -> n.id().value(), Function.identity()));

        Note failure = byId.get("202408231130-retry-storm-took-down-staging");
        assertThat(failure.linkTargets()).containsExactly("202408241604-retries-need-jitter");
        assertThat(failure.tags()).containsExactly("incident", "retries", "postmortem");
        assertThat(failure.title()).isEqualTo("Retry storm took down staging");

        Note pattern = byId.get("202408261015-backoff-with-full-jitter");
        assertThat(pattern.links()).extracting(WikiLink::target)
                .containsExactly("202408241604-retries-need-jitter", "backoff-chart.png");
        assertThat(pattern.links().get(1).embed()).isTrue();
        assertThat(pattern.frontMatter().date()).contains(new NoteDate.Day(LocalDate.of(2024, 8, 26)));

        Note insight = byId.get("202408241604-retries-need-jitter");
        assertThat(insight.links().get(1).heading()).contains("What happened");
        assertThat(insight.links().get(0).alias()).contains("full jitter pattern");
        assertThat(insight.tags()).containsExactly("retries", "reliability/backoff", "insight");
    }

    @Test
    void aCopyOfTheSampleTakesANewNote(@TempDir Path temp) {
        TestFiles.copyTree(SAMPLE, temp.resolve("copy"));
        Vault vault = Vault.open(temp.resolve("copy"));
        FrontMatter fm = FrontMatter.builder().title("Jitter also helps lease renewals").type("insight")
                .tag("claims").link("202408251400-claims-are-leases").build();
        Note created = vault.create(NoteDraft.create(LocalDateTime.of(2024, 8, 28, 9, 30), "insights", fm,
                "Renewals at fixed intervals collide too. See [[202408241604-retries-need-jitter]].\n"));

        ScanResult scan = vault.scan();
        assertThat(scan.problems()).isEmpty();
        assertThat(scan.notes()).contains(created);
        assertThat(created.path()).isEqualTo("insights/202408280930-jitter-also-helps-lease-renewals.md");
    }
}
