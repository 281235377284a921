package dev.pce.server.github.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code actions/checkout}: the repository into the workspace (or {@code path} under it), replacing what was there
 * ({@code clean}). A git repository is cloned, as the action does (its commit checked out, a {@code .git} beside
 * it, the whole history, whatever {@code fetch-depth} says); other folders are copied file by file. Another
 * {@code repository} is not replayed.
 */
final class Checkout implements Action {
    @Override
    public String name() {
        return "actions/checkout";
    }

    @Override
    public Map<String, String> inputs() {
        return Map.ofEntries(Map.entry("repository", ""), Map.entry("ref", ""), Map.entry("token", ""),
                Map.entry("ssh-key", ""), Map.entry("ssh-known-hosts", ""), Map.entry("ssh-strict", "true"),
                Map.entry("ssh-user", "git"), Map.entry("persist-credentials", "true"), Map.entry("path", ""),
                Map.entry("clean", "true"), Map.entry("filter", ""), Map.entry("sparse-checkout", ""),
                Map.entry("sparse-checkout-cone-mode", "true"), Map.entry("fetch-depth", "1"),
                Map.entry("fetch-tags", "false"), Map.entry("show-progress", "true"), Map.entry("lfs", "false"),
                Map.entry("submodules", "false"), Map.entry("set-safe-directory", "true"),
                Map.entry("github-server-url", ""));
    }

    @Override
    public boolean replays(String ref) {
        return true;
    }

    @Override
    public void run(ActionStep step) throws Exception {
        String repository = step.input("repository");
        String self = step.run.github.get("repository").asText();
        if (!repository.isEmpty() && !repository.equals(self)) {
            throw new StepFailure("checking out another repository ('" + repository + "') is not replayed");
        }
        Path target = step.path(step.input("path"));
        if (!target.startsWith(step.workspace)) {
            throw new StepFailure("Repository path '" + target + "' is not under '" + step.workspace + "'");
        }
        if (step.booleanInput("clean") && Files.exists(target)) {
            try (Stream<Path> children = Files.list(target)) {
                for (Path child : children.toList()) {
                    Artifacts.delete(child);
                }
            }
        }
        Path source = step.run.replay.repository();
        if (Files.exists(source.resolve(".git"))) {
            Files.createDirectories(target);
            git(source, "clone", "--quiet", "--no-hardlinks", source.toString(), target.toString());
            step.log("Cloned " + source + " into " + target);
            step.outputs.put("ref", step.run.github.get("ref").asText());
            step.outputs.put("commit", git(target, "rev-parse", "HEAD").strip());
            return;
        }
        for (String file : files(source)) {
            Path from = source.resolve(file);
            if (Files.isRegularFile(from)) {
                Path to = target.resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createDirectories(target);
        step.log("Copied " + source + " into " + target);
        step.outputs.put("ref", step.run.github.get("ref").asText());
        step.outputs.put("commit", step.run.github.get("sha").asText());
    }

    private static String git(Path directory, String... arguments) throws IOException, InterruptedException,
            StepFailure {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        git.getOutputStream().close();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(5, TimeUnit.MINUTES) || git.exitValue() != 0) {
            throw new StepFailure("git " + String.join(" ", arguments) + " failed: " + output.strip());
        }
        return output;
    }

    /** Every file of a folder that is no git repository, relative. */
    private static List<String> files(Path source) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(Files::isRegularFile).forEach(file -> all.add(source.relativize(file).toString()));
        }
        return all;
    }
}
