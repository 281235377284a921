package dev.pce.server.github.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@code run:} script is started, as GitHub's Linux runners do: no {@code shell} means {@code bash -e {0}}
 * (no pipefail), {@code bash} means {@code bash --noprofile --norc -eo pipefail {0}}, {@code sh} means
 * {@code sh -e {0}}, {@code python} means {@code python {0}}; any other value is a command template holding
 * {@code {0}}, the script file's place.
 *
 * @param template  the command, {@code {0}} for the script
 * @param extension of the script file
 */
record Shell(String template, String extension) {

    /** @throws IllegalArgumentException for a shell a Linux runner does not have or a template without {0} */
    static Shell of(String shell) {
        if (shell == null || shell.isBlank()) {
            return new Shell("bash -e {0}", ".sh");
        }
        return switch (shell.strip()) {
            case "bash" -> new Shell("bash --noprofile --norc -eo pipefail {0}", ".sh");
            case "sh" -> new Shell("sh -e {0}", ".sh");
            case "python" -> new Shell("python3 {0}", ".py");
            case "pwsh", "powershell", "cmd" -> throw new IllegalArgumentException("shell '" + shell
                    + "' is not replayed (this machine runs bash and sh)");
            default -> {
                if (!shell.contains("{0}")) {
                    throw new IllegalArgumentException("Invalid shell option. Shell path should contain '{0}' or be "
                            + "one of bash, sh, python, pwsh, powershell, cmd: '" + shell + "'");
                }
                yield new Shell(shell.strip(), "");
            }
        };
    }

    List<String> command(Path script) {
        List<String> command = new ArrayList<>();
        for (String word : template.split("\\s+")) {
            command.add(word.replace("{0}", script.toString()));
        }
        return command;
    }
}
