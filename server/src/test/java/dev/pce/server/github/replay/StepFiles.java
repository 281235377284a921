package dev.pce.server.github.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The environment files of one step: {@code GITHUB_OUTPUT}, {@code GITHUB_ENV}, {@code GITHUB_PATH}, the summary. */
record StepFiles(Path output, Path env, Path path, Path summary) {

    static StepFiles create(Path runnerTemp) {
        try {
            Path folder = Files.createDirectories(runnerTemp.resolve("_runner_file_commands"));
            String id = UUID.randomUUID().toString();
            StepFiles files = new StepFiles(folder.resolve("set_output_" + id), folder.resolve("set_env_" + id),
                    folder.resolve("add_path_" + id), folder.resolve("step_summary_" + id));
            for (Path file : List.of(files.output, files.env, files.path, files.summary)) {
                Files.createFile(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> environment() {
        return Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_ENV", env.toString(), "GITHUB_PATH",
                path.toString(), "GITHUB_STEP_SUMMARY", summary.toString());
    }

    /**
     * Adds what the step wrote: outputs, variables for the next steps, path entries.
     *
     * @throws IllegalArgumentException when a file is malformed (the step fails)
     */
    void read(Map<String, String> outputs, Map<String, String> variables, List<String> paths) {
        outputs.putAll(FileCommands.parse(text(output), "output"));
        variables.putAll(FileCommands.parse(text(env), "env"));
        text(path).lines().filter(line -> !line.isBlank()).forEach(line -> paths.add(line.strip()));
    }

    String summaryText() {
        return text(summary);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
