package dev.pce.server.github.replay;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Environment files and workflow commands as GitHub's "Workflow commands" page defines them. */
class CommandsTest {

    @Test
    void environmentFilesTakeNameValueLinesAndDelimitedMultilineValues() {
        assertThat(FileCommands.parse("a=1\nb=x=y\n\nJSON<<EOF_1\n{\n  \"k\": 1\n}\nEOF_1\nempty=\n", "output"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "x=y"),
                        Map.entry("JSON", "{\n  \"k\": 1\n}"), Map.entry("empty", ""));
        assertThatThrownBy(() -> FileCommands.parse("v<<END\nnever closed\n", "env"))
                .hasMessage("Unable to process file command 'env' successfully. Matching delimiter not found 'END'");
        assertThatThrownBy(() -> FileCommands.parse("no equals sign\n", "output"))
                .hasMessageContaining("Invalid format 'no equals sign'");
    }

    @Test
    void annotationsMasksAndStopCommandsAreReadFromOutput() {
        WorkflowCommands commands = new WorkflowCommands();
        commands.read("""
                plain line
                ::notice file=a.java,line=1,col=2,endColumn=9::n%25 %0Adone
                  ::warning title=t%3Ax::indented
                ::add-mask::s3cret
                ::stop-commands::pause-token
                ::error::ignored while stopped
                ::pause-token::
                ::unknown-command::text
                ::error::last""");

        assertThat(commands.annotations).containsExactly(
                new Annotation("notice", "n% \ndone", "a.java", 1, null, 2, 9, null),
                new Annotation("warning", "indented", null, null, null, null, null, "t:x"),
                Annotation.error("last"));
        assertThat(commands.masks).containsExactly("s3cret");
        assertThat(commands.failed).isFalse();
    }

    @Test
    void theDeprecatedSetOutputStillWorksAndTheDisabledCommandsFailTheStep() {
        WorkflowCommands commands = new WorkflowCommands();
        commands.read("::set-output name=x::1\n::set-env name=Y::2\n");

        assertThat(commands.outputs).containsEntry("x", "1");
        assertThat(commands.failed).isTrue();
        assertThat(commands.annotations).extracting(Annotation::level).containsExactly("warning", "error");
    }

    @Test
    void claudeArgsAreSplitAsAShellWouldWithCommentLinesLeftOut() {
        assertThat(ShellWords.split("""
                # the tools
                --allowedTools "mcp__pce__ce_plan mcp__pce__ce_status" 'Bash(git:*)'
                --max-turns 5 --append-system-prompt "say \\"hi\\"" a\\ b""")).isEqualTo(List.of("--allowedTools",
                "mcp__pce__ce_plan mcp__pce__ce_status", "Bash(git:*)", "--max-turns", "5", "--append-system-prompt",
                "say \"hi\"", "a b"));
        assertThatThrownBy(() -> ShellWords.split("'open")).hasMessageContaining("unclosed");
    }

    @Test
    void shellsAreGitHubsTemplates() {
        assertThat(Shell.of(null).template()).isEqualTo("bash -e {0}");
        assertThat(Shell.of("bash").template()).isEqualTo("bash --noprofile --norc -eo pipefail {0}");
        assertThat(Shell.of("sh").template()).isEqualTo("sh -e {0}");
        assertThat(Shell.of("perl {0}").command(Path.of("/t/s"))).containsExactly("perl", "/t/s");
        assertThatThrownBy(() -> Shell.of("pwsh")).hasMessageContaining("not replayed");
        assertThatThrownBy(() -> Shell.of("zsh")).hasMessageContaining("should contain '{0}'");
    }
}
