package dev.pce.rules.gate;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.ProjectType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tells a repository's project type, which the gate rules adapt their thresholds to. {@code project_type} in
 * {@code .ce/config.yml} decides when set. Otherwise the build files at the root and one directory down decide, by
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
     * @throws CeException {@code INVALID_ARGUMENT} when the config sets an invalid type, or a package.json needed
     *                     for detection is not JSON; {@code IO} when a file cannot be read
     */
    public ProjectTypeDetection detect(Path repository) {
        if (!Files.isDirectory(repository)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Cannot detect the project type of "
                    + repository + ": not a directory.", "Give the repository's root directory.");
        }
        Optional<ProjectTypeDetection> configured = ProjectTypeSetting.read(repository);
        if (configured.isPresent()) {
            return configured.get();
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
}
