package dev.pce.rules.gate;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.ProjectType;
import dev.pce.rules.config.Configured;
import dev.pce.rules.config.ProjectConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tells a repository's project type, which the gate rules adapt their thresholds to. {@code project_type} in
 * {@code .ce/config.yml} or {@code .github/ce-config.yml} decides when set ({@link ProjectConfig}). Otherwise the build files at the root and one directory down decide, by
 * the first of these found:
 * <ol>
 *   <li>a service framework in pom.xml or build.gradle (Spring Boot, Quarkus, Micronaut): SERVICE</li>
 *   <li>a command-line parser or entry point: picocli (pom.xml, build.gradle), clap (Cargo.toml), console scripts
 *       (setup.py, setup.cfg, pyproject.toml), "bin" or commander (package.json): CLI</li>
 *   <li>a main class in pom.xml or build.gradle: SERVICE</li>
 *   <li>a web framework in package.json (React, Vue, Angular, Svelte, Next): WEB</li>
 *   <li>a Node service framework in package.json (Express, Fastify, Koa, Nest): SERVICE</li>
 *   <li>otherwise LIBRARY</li>
 * </ol>
 */
public final class ProjectTypeDetector {

    /**
     * @param repository the repository's root directory
     * @throws CeException {@code INVALID_ARGUMENT} when a configuration file is not valid, or a package.json needed
     *                     for detection is not JSON; {@code IO} when a file cannot be read
     */
    public ProjectTypeDetection detect(Path repository) {
        requireDirectory(repository);
        return detect(repository, ProjectConfig.read(repository));
    }

    /** As {@link #detect(Path)}, with the repository's configuration already read. */
    public ProjectTypeDetection detect(Path repository, ProjectConfig config) {
        requireDirectory(repository);
        Optional<Configured<ProjectType>> configured = config.projectType();
        if (configured.isPresent()) {
            return new ProjectTypeDetection(configured.get().value(), configured.get().file() + " sets project_type: "
                    + configured.get().value().wireName());
        }
        List<BuildFile> files = BuildFile.find(repository);
        for (BuildSignal signal : BuildSignal.ALL) {
            for (BuildFile file : files) {
                Optional<String> found = signal.find(file);
                if (found.isPresent()) {
                    return new ProjectTypeDetection(signal.type(), file.path() + " " + found.get());
                }
            }
        }
        String looked = files.isEmpty() ? "no build file found"
                : "looked in " + String.join(", ", files.stream().map(BuildFile::path).toList());
        return new ProjectTypeDetection(ProjectType.LIBRARY, "nothing shows a service, command line or web front end ("
                + looked + "), so a library");
    }

    private static void requireDirectory(Path repository) {
        if (!Files.isDirectory(repository)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Cannot detect the project type of "
                    + repository + ": not a directory.", "Give the repository's root directory.");
        }
    }
}
