package dev.pce.pkm.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.pkm.graph.LinkGraph;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDate;
import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.vault.ScanResult;
import dev.pce.pkm.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compound-engineering plugin's 80 real learnings (examples/vaults/compound-engineering/solutions, its
 * docs/solutions/ as the plugin wrote them) read as a vault as they are: parsed, indexed and searched with their
 * own front matter keys.
 */
class CompoundEngineeringVaultTest {
    /** Surefire runs in the module's directory. */
    private static final Path SOLUTIONS = Path.of("..", "examples", "vaults", "compound-engineering", "solutions");

    @TempDir
    Path tmp;

    private ScanResult scan;
    private Map<String, Note> byId;
    private VaultIndex index;
    private UpdateResult indexed;
    private VaultSearcher searcher;

    @BeforeEach
    void indexTheLearnings() {
        Vault vault = Vault.open(SOLUTIONS);
        scan = vault.scan();
        byId = scan.notes().stream().collect(Collectors.toMap(note -> note.id().value(), Function.identity()));
        index = VaultIndex.open(tmp.resolve("index"), "compound-engineering");
        indexed = index.update(vault);
        searcher = VaultSearcher.of(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void everyLearningParsesAndIndexesWithoutAProblemOrWarning() {
        assertThat(scan.problems()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.notes()).hasSize(80);
        assertThat(indexed.added()).isEqualTo(80);
        assertThat(indexed.problems()).isEmpty();
        assertThat(index.size()).isEqualTo(80);
        assertThat(byId.get("agent-friendly-cli-principles").title())
                .as("the one note without front matter: its heading").isEqualTo(
                        "Building Agent-Friendly CLIs: Practical Principles");
    }

    @Test
    void problemTypeIsTheTypeCreatedTheDateAndCategoryATagWhereTheNoteHasNoneOfPces() {
        Note browser = byId.get("host-native-browser-driver-selection");
        assertThat(browser.type()).contains("architecture_pattern");
        assertThat(browser.date()).contains(new NoteDate.Day(LocalDate.of(2026, 7, 9)));
        assertThat(browser.tags()).startsWith("skill-design", "browser-automation").contains("architecture-patterns");

        Note converters = byId.get("adding-converter-target-providers");
        assertThat(converters.frontMatter().date()).isEmpty();
        assertThat(converters.date()).contains(new NoteDate.Day(LocalDate.of(2026, 2, 23)));

        assertThat(byId.get("cache-invalidation-input-set-completeness").tags())
                .as("category: docs/solutions/best-practices/").contains("best-practices");

        for (Note note : scan.notes()) {
            Optional<String> problemType = text(note, "problem_type");
            assertThat(note.type()).as(note.path()).isEqualTo(problemType);
            if (note.frontMatter().date().isEmpty()) {
                assertThat(note.date().map(NoteDate::text)).as(note.path()).isEqualTo(text(note, "created"));
            }
            text(note, "category").ifPresent(category -> assertThat(note.tags()).as(note.path())
                    .contains(category.replaceAll("/$", "").replaceAll(".*/", "")));
            // issue numbers such as "#1470/#1478" in the body are no tags
            assertThat(note.tags()).as(note.path()).noneMatch(tag -> tag.matches("[0-9/]+"));
        }
    }

    @Test
    void searchFindsALearningByItsContent() {
        SearchResult windows = searcher.search(SearchQuery.of("porting a POSIX supervisor to Windows job objects"));
        assertThat(windows.hits().getFirst().id()).isEqualTo("posix-process-supervision-on-native-windows");

        SearchResult crlf = searcher.search(SearchQuery.of("autocrlf line endings break tests"));
        assertThat(crlf.hits().getFirst().id()).isEqualTo("windows-crlf-checkout-breaks-newline-anchored-tests");
        assertThat(crlf.hits().getFirst().snippets()).anyMatch(snippet -> snippet.contains("**"));
    }

    @Test
    void theFiltersWorkOnThePluginsKeys() {
        SearchResult bestPractices = searcher.search(new SearchQuery("",
                SearchFilters.NONE.withTypes("best_practice"), 0, 100));
        assertThat(bestPractices.totalHits()).isEqualTo(8);
        assertThat(bestPractices.hits()).allSatisfy(hit -> assertThat(hit.type()).contains("best_practice"));

        SearchResult skillDesign = searcher.search(new SearchQuery("",
                SearchFilters.NONE.withTags("skill-design"), 0, 100));
        assertThat(skillDesign.hits()).extracting(SearchHit::id)
                .as("every note of the category, tagged so or not").contains("cross-skill-shared-cache-primitive")
                .containsAll(scan.notes().stream().filter(note -> note.path().startsWith("skill-design/"))
                        .map(note -> note.id().value()).toList());

        SearchResult august = searcher.search(new SearchQuery("", SearchFilters.NONE.between(
                Optional.of(LocalDate.of(2026, 8, 1)), Optional.empty()), 0, 100));
        assertThat(august.totalHits()).isPositive();
        assertThat(august.hits()).allSatisfy(hit -> assertThat(hit.date().orElseThrow()).isGreaterThan("2026-08"));
    }

    @Test
    void theNotesTheRelatedKeysNameAreLinks() {
        LinkGraph graph = LinkGraph.of(scan.notes());
        assertThat(graph.backlinks(new NoteId("beta-skills-framework"))).extracting(NoteId::value)
                .contains("ce-prefix-required-for-skills-and-agents", "beta-promotion-orchestration-contract",
                        "beta-promotion-cleanup-registry-wiring");
        assertThat(graph.outgoing(new NoteId("compound-refresh-skill-improvements"))).extracting(NoteId::value)
                .as("a web address in related is no note").containsExactly("plugin-versioning-requirements");
    }

    private static Optional<String> text(Note note, String key) {
        JsonNode value = note.frontMatter().extra().get(key);
        return value == null ? Optional.empty() : Optional.of(value.asText());
    }
}
