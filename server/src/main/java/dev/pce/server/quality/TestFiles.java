package dev.pce.server.quality;

import dev.pce.engine.gate.Finding;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The source file of a failing test, for CI to annotate: the {@code file} its JUnit report gives (pytest, jest),
 * else the file its class name leads to under the project's test sources ({@code src/test/java},
 * {@code src/test/kotlin}, ...) of the module that wrote the report or of the root, when that file exists; else
 * none. A test's name is {@code classname.method}, and a class may be nested ({@code Outer$Inner}), so every
 * prefix of the name is tried, longest first.
 */
final class TestFiles {
    private static final List<String> LANGUAGES = List.of("java", "kotlin", "groovy", "scala");
    private static final List<String> EXTENSIONS = List.of(".java", ".kt", ".groovy", ".scala");
    /** More dots than a class name and a method have: not a JVM test's name. */
    private static final int MAX_PREFIXES = 32;

    private final RepoPaths paths;

    TestFiles(RepoPaths paths) {
        this.paths = paths;
    }

    /** The test's file, relative to the repository; empty when neither the report nor the sources name one. */
    Optional<String> of(Finding test) {
        if (!test.file().isBlank()) {
            return Optional.of(paths.relative(test.file()));
        }
        List<Path> sources = testSources(test.source());
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        String name = test.rule();
        int prefixes = 0;
        for (int dot = name.lastIndexOf('.'); dot > 0 && prefixes < MAX_PREFIXES;
             dot = name.lastIndexOf('.', dot - 1), prefixes++) {
            String className = name.substring(0, dot);
            int nested = className.indexOf('$');
            String outer = nested < 0 ? className : className.substring(0, nested);
            Optional<Path> found = find(sources, outer.replace('.', '/'));
            if (found.isPresent()) {
                return Optional.of(paths.relative(found.get().toString()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> find(List<Path> sources, String relative) {
        for (Path source : sources) {
            for (String extension : EXTENSIONS) {
                try {
                    Path file = source.resolve(relative + extension);
                    if (Files.isRegularFile(file)) {
                        return Optional.of(file);
                    }
                } catch (InvalidPathException e) {
                    return Optional.empty(); // a name no file can have
                }
            }
        }
        return Optional.empty();
    }

    /** The test source directories of the report's module (its nearest ancestors first) and of the root. */
    private List<Path> testSources(String report) {
        Path root = paths.root();
        List<Path> modules = new ArrayList<>();
        try {
            Path file = root.resolve(report).normalize();
            for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
                modules.add(dir);
            }
        } catch (InvalidPathException e) {
            // the report is no file ("agent:x"): the root alone
        }
        if (!modules.contains(root)) {
            modules.add(root);
        }
        List<Path> sources = new ArrayList<>();
        for (Path module : modules) {
            for (String language : LANGUAGES) {
                Path dir = module.resolve("src/test").resolve(language);
                if (Files.isDirectory(dir)) {
                    sources.add(dir);
                }
            }
        }
        return sources;
    }
}
