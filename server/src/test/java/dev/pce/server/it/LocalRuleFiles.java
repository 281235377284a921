package dev.pce.server.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throwaway git work tree with project-local rules in .ce/rules/, for the rule authoring tests. */
final class LocalRuleFiles {

    private LocalRuleFiles() {
    }

    /** A directory that looks like the top of a git work tree (a .git directory is all PCE looks for). */
    static Path repository(Path parent) throws IOException {
        Path repo = parent.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve(".ce/rules"));
        return repo;
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** A dependency rule: a docs task waits for every implement task it is not ordered with. */
    static String docsRule(String name) {
        return """
                package dev.pce.rules.dependency;

                import dev.pce.rules.dependency.OrderGraph.Stage;

                // Documentation describes what was built.
                rule "%s"
                when
                    TaskFact($docs : id, kind == "docs")
                    TaskFact($build : id, kind == "implement")
                    OrderGraph(stage == Stage.DECLARED, !reaches($build, $docs), !reaches($docs, $build))
                then
                    Decisions.hard(kcontext, $build, $docs, "'" + $docs + "' documents what '" + $build + "' builds");
                end
                """.formatted(name);
    }

    /** Replaces the built-in rule coverage-library: 90% line coverage for a library. */
    static final String STRICTER_LIBRARY_COVERAGE = """
            package dev.pce.rules.gate;

            import dev.pce.engine.gate.ProjectType;

            rule "coverage-library"
            when
                Project(type == ProjectType.LIBRARY)
            then
                String why = "our library moves money";
                lineCoverage(kcontext).atLeastPercent(90).because(why).insert();
                branchCoverage(kcontext).atLeastPercent(80).because(why).insert();
            end
            """;
}
