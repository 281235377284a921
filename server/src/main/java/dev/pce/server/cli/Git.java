package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The git program, run in one repository; a failure is an error that says which command failed and what git said. */
record Git(Path repository) {
    private static final long TIMEOUT_MINUTES = 10;

    /** What a git command printed on standard output. */
    String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        try {
            Path err = Files.createTempFile("ce-git-", ".err");
            try {
                Process git = new ProcessBuilder(command).redirectError(err.toFile()).start();
                git.getOutputStream().close();
                String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!git.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    git.destroyForcibly();
                    throw failed(arguments, "it did not finish in " + TIMEOUT_MINUTES + " minutes");
                }
                if (git.exitValue() != 0) {
                    throw failed(arguments, Files.readString(err, StandardCharsets.UTF_8).strip());
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot run git in " + repository + ": " + e.getMessage(),
                    "Install git and run the command in the repository's working tree.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(arguments, "interrupted");
        }
    }

    private CeException failed(String[] arguments, String why) {
        return new CeException(ErrorCode.CONFLICT, "git " + String.join(" ", arguments) + " failed in " + repository
                + ": " + why, "Fix what git reports and run the command again.");
    }
}
