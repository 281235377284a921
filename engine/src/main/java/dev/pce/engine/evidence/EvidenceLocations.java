package dev.pce.engine.evidence;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where evidence files named by an agent may be read from: the project (the server's working directory) and the
 * workspace. A path from a tool argument is resolved against the project and must stay inside one of them, also
 * after following symbolic links, so an agent cannot make PCE read {@code /etc/passwd} or a home directory. The
 * files found by walking a directory are held to the same bound ({@link EvidenceScope}).
 */
public record EvidenceLocations(Path project, Path workspace) implements EvidenceScope {

    public EvidenceLocations {
        project = project.toAbsolutePath().normalize();
        workspace = workspace.toAbsolutePath().normalize();
    }

    /**
     * The checked real paths of {@code given}, in order; {@code field} names them in errors ("evidence" gives
     * "evidence[1] 'x' does not exist").
     *
     * @throws CeException INVALID_ARGUMENT for the first that is not a path, does not exist or leads outside;
     *                     IO when a link or a folder on its way cannot be followed
     */
    public List<Path> resolveAll(List<String> given, String field) {
        List<Path> resolved = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            resolved.add(resolve(given.get(i), field + "[" + i + "]"));
        }
        return resolved;
    }

    /** The checked real path of {@code given}; {@code where} names it in errors. */
    public Path resolve(String given, String where) {
        Path path;
        try {
            path = project.resolve(given).normalize();
        } catch (RuntimeException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, where + " '" + given + "' is not a path.",
                    "Give a file or directory path relative to the project, such as target/surefire-reports.");
        }
        if (!Files.exists(path)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, where + " '" + given + "' does not exist (looked at "
                    + path + ").", "Give the path of an evidence file or directory after the tool that writes it "
                    + "has run, relative to " + project + ".");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            // the exception names the part of the path that failed, which may be a link's target
            throw new CeException(ErrorCode.IO, "Cannot resolve " + where + " '" + given + "': a link on its way is "
                    + "broken or a folder on its way cannot be read.", "Check that the path is readable.", e);
        }
        if (!admits(real)) {
            // named as given: where a link leads outside is none of the caller's business
            throw new CeException(ErrorCode.INVALID_ARGUMENT, where + " '" + given + "' leads outside the project "
                    + "and the workspace; it was not read.", "Give evidence files inside " + project
                    + " or the workspace " + workspace + ", not links that lead out of them.");
        }
        return real;
    }

    @Override
    public boolean admits(Path realFile) {
        return Stream.of(project, workspace).map(EvidenceLocations::real).anyMatch(realFile::startsWith);
    }

    @Override
    public String admitted() {
        return "the project " + project + " and the workspace " + workspace;
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }
}
