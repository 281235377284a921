package dev.pce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Project-local rules (.ce/rules/) as a maintainer writes them, for the rule authoring tests of the rules module
 * and of the built server: a rule file of each kind, the scenario files that test them, and a project to put them in.
 */
public final class LocalRuleFiles {

    /** Replaces the built-in rule coverage-library: 90% line coverage for a library. */
    public static final String STRICTER_LIBRARY_COVERAGE = """
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

    /** A scenario of {@link #docsRule} named docs-wait-for-builds: a guide waits for the build. It passes. */
    public static final String DOCS_SCENARIOS = """
            scenarios:
              - name: a guide waits for the build
                given:
                  - {id: build, kind: implement}
                  - {id: guide, kind: docs}
                expect:
                  - {from: build, to: guide, class: hard, rule: docs-wait-for-builds}
            """;

    /** A gate scenario of {@link #STRICTER_LIBRARY_COVERAGE}: a library at 85% line coverage fails it. */
    public static final String GATE_SCENARIOS = """
            rules: gates
            scenarios:
              - name: a library needs 90% line coverage
                project_type: library
                evidence:
                  measurements: {coverage.line: 85}
                expect:
                  criteria:
                    - {criterion: coverage-line, verdict: fail, threshold: 90, rule: coverage-library}
            """;

    private LocalRuleFiles() {
    }

    /** A dependency rule: a docs task waits for every implement task it is not ordered with. */
    public static String docsRule(String name) {
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

    /**
     * A project under {@code parent} that looks like the top of a git work tree (a .git directory is all PCE looks
     * for), with an empty .ce/rules/.
     */
    public static Path repository(Path parent) {
        Path repo = parent.resolve("repo");
        try {
            Files.createDirectories(repo.resolve(".git"));
            Files.createDirectories(repo.resolve(".ce/rules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return repo;
    }
}
