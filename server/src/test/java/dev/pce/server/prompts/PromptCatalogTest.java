package dev.pce.server.prompts;

import dev.pce.engine.CeException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptCatalogTest {

    @Test
    void everyPromptFileIsListedAndParses() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "prompts"))) {
            List<String> onDisk = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("ce-") && name.endsWith(".md"))
                    .map(name -> name.substring(0, name.length() - 3)).sorted().toList();
            assertThat(onDisk).containsExactlyInAnyOrderElementsOf(PromptCatalog.NAMES);
        }
        List<PromptTemplate> prompts = PromptCatalog.load();
        assertThat(prompts).extracting(PromptTemplate::name).containsExactlyElementsOf(PromptCatalog.NAMES);
        assertThat(prompts).allSatisfy(prompt -> {
            assertThat(prompt.description()).hasSizeGreaterThan(30);
            assertThat(prompt.body()).contains("ce_");
        });
    }

    @Test
    void renderingFillsArgumentsAndDefaultsAndRefusesMissingOrUnknownOnes() {
        PromptTemplate build = PromptCatalog.load().stream().filter(p -> p.name().equals("ce-parallel-build"))
                .findFirst().orElseThrow();
        String text = build.render(Map.of("workflow_id", "wf-1"));
        assertThat(text).contains("Run workflow wf-1 with parallel agents").contains("one planner, 3").doesNotContain("{{");
        assertThat(build.render(Map.of("workflow_id", "wf-1", "builders", "5"))).contains("one planner, 5");
        assertThatThrownBy(() -> build.render(Map.of())).isInstanceOf(CeException.class)
                .hasMessageContaining("needs workflow_id");
        assertThatThrownBy(() -> build.render(Map.of("workflow_id", "wf-1", "colour", "red")))
                .isInstanceOf(CeException.class).hasMessageContaining("no argument colour");
    }

    @Test
    void aBrokenPromptFileIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> PromptCatalog.parse("x", "no front matter"))
                .hasMessageContaining("prompts/x.md does not start with a front matter block");
        assertThatThrownBy(() -> PromptCatalog.parse("x", "---\nname: y\ndescription: d\n---\nbody"))
                .hasMessageContaining("names itself 'y'");
        assertThatThrownBy(() -> PromptCatalog.parse("x", "---\nname: x\ndescription: d\n---\nuse {{goal}}"))
                .hasMessageContaining("uses {{goal}}, which is none of its arguments");
        assertThatThrownBy(() -> PromptCatalog.parse("x", "---\nname: x\n---\nbody"))
                .hasMessageContaining("has no description");
        assertThatThrownBy(() -> PromptCatalog.parse("x", "---\nname: x\ndescription \"d\"\n---\nbody"))
                .hasMessageContaining("line 3 is not 'key: value'");
        assertThatThrownBy(() -> PromptCatalog.parse("x", "---\nname: x\ndescription: \"d\n---\nbody"))
                .hasMessageContaining("line 3 opens a quote it does not close");
        assertThatThrownBy(() -> PromptCatalog.parse("x", """
                ---
                name: x
                description: d
                arguments:
                  - name: goal
                    text: true
                  - name: agent
                ---
                {{goal}} {{agent}}"""))
                .hasMessageContaining("has a text argument beside others; a text argument must be the only one");
    }

    @Test
    void theFrontMatterSubsetReadsQuotesCommentsAndArgumentLists() {
        PromptTemplate prompt = PromptCatalog.parse("x", """
                ---
                name: x   # the file's name
                title: "A: quoted # title"
                description: Plain text, with "inner" quotes
                arguments:
                  - name: goal
                    description: "What: to do"
                    required: true
                  - name: n
                    default: "3"
                ---
                {{goal}} x{{n}}
                """);
        assertThat(prompt.title()).isEqualTo("A: quoted # title");
        assertThat(prompt.description()).isEqualTo("Plain text, with \"inner\" quotes");
        assertThat(prompt.arguments()).extracting(PromptTemplate.Argument::name, PromptTemplate.Argument::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goal", true),
                        org.assertj.core.groups.Tuple.tuple("n", false));
        assertThat(prompt.render(Map.of("goal", "Ship"))).isEqualTo("Ship x3\n");
    }
}
