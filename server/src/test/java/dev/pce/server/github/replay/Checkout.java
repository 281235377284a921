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
 * {@code actions/checkout}: the repository's files into the workspace (or {@code path} under it), replacing what
 * was there ({@code clean}). A git work tree gives the files git does not ignore, committed or not; there is no
 * {@code .git} in the copy. Another {@code repository} is not replayed.
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

    /** The repository's files, relative: those git does not ignore in a work tree, else all. */
    private static List<String> files(Path source) throws IOException, InterruptedException {
        if (Files.exists(source.resolve(".git"))) {
            Process git = new ProcessBuilder("git", "-C", source.toString(), "ls-files", "-z", "--cached", "--others",
                    "--exclude-standard").redirectErrorStream(false).start();
            git.getOutputStream().close();
            String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor(1, TimeUnit.MINUTES) && git.exitValue() == 0) {
                return List.of(listing.split("\0")).stream().filter(name -> !name.isEmpty()).toList();
            }
        }
        List<String> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(Files::isRegularFile).forEach(file -> all.add(source.relativize(file).toString()));
        }
        return all;
    }
}
