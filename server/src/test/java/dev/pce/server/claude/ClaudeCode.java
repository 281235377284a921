package dev.pce.server.claude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.node.Checkout;
import dev.pce.server.node.NodePackages;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Claude Code CLI (installed from the npm registry at a pinned version) run in a project as a user runs
 * it, with a private home (no login, no settings of this machine) and the model replaced by a {@link ModelStandIn}.
 */
public final class ClaudeCode {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /**
     * No title generation or update checks: every request a stand-in sees is the agents' own. Set for every run of
     * the CLI against a stand-in.
     */
    public static final Map<String, String> QUIET = Map.of("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
            "DISABLE_AUTOUPDATER", "1");
    /** Every command line run, as a user would type it (output-format flags left out: they change no step). */
    private static final Set<String> COMMANDS_RUN = ConcurrentHashMap.newKeySet();

    private final Path executable;
    private final Path home;
    private final Path project;
    private final URI model;

    /** What one run printed; {@code stdout} holds JSON with {@code --output-format json} or {@code stream-json}. */
    public record Run(List<String> command, int exitCode, String stdout, String stderr) {

        /** The run's final {@code result} event (the whole output with {@code json}, the last line with stream-json). */
        public JsonNode result() {
            List<String> lines = stdout.strip().lines().toList();
            assertThat(lines).as("%s printed nothing; stderr: %s", command, stderr).isNotEmpty();
            try {
                return Json.mapper().readTree(lines.getLast());
            } catch (IOException e) {
                throw new AssertionError(command + " did not end with a JSON result: " + stdout + "\n" + stderr, e);
            }
        }

        /** Every event of a {@code stream-json} run. */
        public List<JsonNode> events() {
            List<JsonNode> events = new ArrayList<>();
            for (String line : stdout.strip().lines().toList()) {
                try {
                    events.add(Json.mapper().readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a stream-json line: " + line, e);
                }
            }
            return events;
        }

        /** The run ended without error, every tool it asked for was allowed. */
        public Run succeeded() {
            assertThat(exitCode).as("%s exit code; stdout: %s; stderr: %s", command, stdout, stderr).isZero();
            JsonNode result = result();
            assertThat(result.path("is_error").asBoolean()).as("%s result: %s", command, result).isFalse();
            assertThat(result.path("permission_denials")).as("%s: tools refused", command).isEmpty();
            return this;
        }
    }

    ClaudeCode(Path home, Path project, URI model) {
        this.executable = executable();
        this.home = home;
        this.project = project;
        this.model = model;
    }

    /** The pinned CLI's program, installed first if needed. */
    public static Path executable() {
        return NodePackages.bin(NodePackages.install(NodePackages.CLAUDE_CODE), "claude");
    }

    /** {@code claude ARGS...} in the project, as a user types it. */
    Run run(String... arguments) throws IOException, InterruptedException {
        List<String> typed = new ArrayList<>(List.of("claude"));
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--output-format" -> i++;
                case "--verbose" -> {
                }
                default -> typed.add(arguments[i]);
            }
        }
        COMMANDS_RUN.add(commandLine(typed));
        Files.createDirectories(home);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("ANTHROPIC_") || name.startsWith("CLAUDE_")
                || name.startsWith("CE_"));
        environment.put("HOME", home.toString());
        environment.put("ANTHROPIC_BASE_URL", model.toString());
        environment.put("ANTHROPIC_API_KEY", "sk-ant-e2e-stand-in");
        environment.putAll(QUIET);
        return execute(executable, List.of(arguments), project, environment, home);
    }

    /**
     * Runs the CLI with exactly {@code environment} (nothing of this JVM's), in {@code directory}, with no input.
     *
     * @param captures where its stdout and stderr are kept while it runs
     */
    public static Run execute(Path executable, List<String> arguments, Path directory,
                              Map<String, String> environment, Path captures) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Files.createDirectories(captures);
        Path out = Files.createTempFile(captures, "claude-", ".out");
        Path err = Files.createTempFile(captures, "claude-", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + TIMEOUT + "; stdout: "
                    + Files.readString(out) + "; stderr: " + Files.readString(err));
        }
        return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The command lines run so far. */
    static Set<String> commandsRun() {
        return Set.copyOf(COMMANDS_RUN);
    }

    /** Words as a shell line: those with spaces or quotes in double quotes. */
    static String commandLine(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(word.matches("[\\w./:@=,+-]+") ? word : "\"" + word.replace("\"", "\\\"") + "\"");
        }
        return String.join(" ", quoted);
    }

    /** {@code ce init} in the project, through the repository's {@code ce} script as the README says. */
    static String ceInit(Path project) throws IOException, InterruptedException {
        COMMANDS_RUN.add(commandLine(List.of(Checkout.ceScript().toString(), "init")));
        Process process = new ProcessBuilder(Checkout.ceScript().toString(), "init").directory(project.toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** A new git repository, as a user's project starts. */
    static Path gitRepository(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process git = new ProcessBuilder("git", "init", "-q", dir.toString()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(git.exitValue()).as(output).isZero();
        return dir;
    }
}
