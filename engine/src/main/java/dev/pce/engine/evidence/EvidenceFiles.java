package dev.pce.engine.evidence;

import dev.pce.engine.gate.EvidenceProblem;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence files a list of paths names. A file is taken whatever its name; a directory is walked (without
 * following links, skipping hidden directories and node_modules below it) for the names reporting tools write, the
 * {@link EvidenceFormat#fileNames()} of the formats read. A path that does not exist, or a directory holding none
 * of these, is a problem: the caller expected evidence there.
 */
final class EvidenceFiles {

    /** The files found, in the order given (each directory's files sorted by path), each once; and the problems. */
    record Found(List<Path> files, List<EvidenceProblem> problems) {
    }

    private EvidenceFiles() {
    }

    static Found find(List<Path> paths, EvidenceFormats formats) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        List<EvidenceProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            List<Path> candidates;
            if (Files.isDirectory(path)) {
                candidates = walk(path, formats, problems);
            } else if (Files.exists(path) || Files.isSymbolicLink(path)) {
                candidates = List.of(path);
            } else {
                problems.add(new EvidenceProblem(path.toString(), "no such file or directory. Fix: check the path, "
                        + "and that the step writing this evidence ran before the gate."));
                continue;
            }
            for (Path file : candidates) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    files.add(file);
                }
            }
        }
        return new Found(files, problems);
    }

    private static List<Path> walk(Path directory, EvidenceFormats formats, List<EvidenceProblem> problems) {
        List<Path> found = new ArrayList<>();
        List<EvidenceProblem> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(directory) && (name.startsWith(".") || name.equals("node_modules"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) {
                    // Links are taken (EvidenceReader checks what they point at); pipes and devices are not.
                    boolean file = attrs.isRegularFile() || attrs.isSymbolicLink();
                    if (file && formats.isReportName(path.getFileName().toString())) {
                        found.add(path);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(new EvidenceProblem(file.toString(), "cannot be read (" + e + "). Fix: check its "
                            + "permissions."));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unreadable.add(new EvidenceProblem(directory.toString(), "cannot be walked (" + e + "). Fix: check its "
                    + "permissions."));
        }
        problems.addAll(unreadable);
        if (found.isEmpty() && unreadable.isEmpty()) {
            problems.add(new EvidenceProblem(directory.toString(), "the directory holds no evidence files (looked "
                    + "for " + formats.reportNames() + "). Fix: point at the directory the reports are written to, or name the "
                    + "files; check that the step writing them ran."));
        }
        found.sort(null);
        return found;
    }
}
