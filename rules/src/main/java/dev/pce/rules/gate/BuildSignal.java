package dev.pce.rules.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.gate.ProjectType;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Something in a build file that says what kind of project it builds. */
sealed interface BuildSignal {

    ProjectType type();

    /** What the file shows, as the end of a sentence starting with its path ("uses picocli (info.picocli)"). */
    Optional<String> find(BuildFile file);

    Set<String> JVM_BUILDS = Set.of("pom.xml", "build.gradle", "build.gradle.kts");

    /**
     * The signals in order of precedence; the first found decides. A service framework outranks everything; a
     * command-line parser outranks a bare main class (a command line has one too); a JVM main class outranks a
     * web framework in package.json (a back end with its front end is a service).
     */
    List<BuildSignal> ALL = List.of(
            new Text(ProjectType.SERVICE, JVM_BUILDS, "uses a service framework",
                    Pattern.compile("org\\.springframework\\.boot|spring-boot|io\\.quarkus|io\\.micronaut")),
            new Text(ProjectType.CLI, JVM_BUILDS, "uses picocli", Pattern.compile("info\\.picocli|picocli")),
            new Text(ProjectType.CLI, Set.of("Cargo.toml"), "depends on clap",
                    Pattern.compile("(?m)^\\s*clap\\s*=|^\\s*\\[dependencies\\.clap]")),
            new Text(ProjectType.CLI, Set.of("setup.py", "setup.cfg"), "declares console scripts",
                    Pattern.compile("console_scripts")),
            new Text(ProjectType.CLI, Set.of("pyproject.toml"), "declares console scripts",
                    Pattern.compile("(?m)^\\s*\\[(project\\.scripts|tool\\.poetry\\.scripts)]")),
            new PackageField(ProjectType.CLI, "bin"),
            new PackageDependency(ProjectType.CLI, name -> name.equals("commander")),
            new Text(ProjectType.SERVICE, JVM_BUILDS, "declares a main class",
                    Pattern.compile("mainClass|Main-Class|<start-class>")),
            new PackageDependency(ProjectType.WEB, name -> Set.of("react", "vue", "svelte", "next").contains(name)
                    || name.startsWith("@angular/") || name.startsWith("@sveltejs/")),
            new PackageDependency(ProjectType.SERVICE,
                    name -> Set.of("express", "fastify", "koa", "@nestjs/core").contains(name)));

    /** A pattern in the text of some build files. */
    record Text(ProjectType type, Set<String> files, String what, Pattern pattern) implements BuildSignal {
        @Override
        public Optional<String> find(BuildFile file) {
            if (!files.contains(file.name())) {
                return Optional.empty();
            }
            Matcher matcher = pattern.matcher(file.text());
            return matcher.find() ? Optional.of(what + " (" + matcher.group().strip() + ")") : Optional.empty();
        }
    }

    /** A top-level field of package.json ("bin": the package installs commands). */
    record PackageField(ProjectType type, String field) implements BuildSignal {
        @Override
        public Optional<String> find(BuildFile file) {
            return file.name().equals("package.json") && file.json().has(field)
                    ? Optional.of("declares '" + field + "'") : Optional.empty();
        }
    }

    /** A dependency (of any kind: runtime, dev, peer) named in package.json. */
    record PackageDependency(ProjectType type, Predicate<String> name) implements BuildSignal {
        private static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "peerDependencies");

        @Override
        public Optional<String> find(BuildFile file) {
            if (!file.name().equals("package.json")) {
                return Optional.empty();
            }
            JsonNode json = file.json();
            for (String section : SECTIONS) {
                JsonNode dependencies = json.path(section);
                for (Iterator<String> names = dependencies.fieldNames(); names.hasNext(); ) {
                    String dependency = names.next();
                    if (name.test(dependency)) {
                        return Optional.of("depends on " + dependency);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
