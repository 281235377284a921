package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.authoring.Compilation;
import dev.pce.rules.authoring.Compilation.LayeredBase;
import dev.pce.rules.authoring.Compilation.LocalRule;
import dev.pce.rules.authoring.LayeredCompiler;
import dev.pce.rules.authoring.LocalRules;
import dev.pce.rules.authoring.RuleSets;
import dev.pce.rules.authoring.RuleTests;
import dev.pce.rules.authoring.TestRun;
import dev.pce.rules.scenario.ScenarioResult;
import dev.pce.rules.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ce rules validate|test [DIR]}: a project's own rules (see docs/rules.md), checked the way a server will
 * load them: layered over the built-in rules.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check a project's own rules (.drl files layered over the built-in rules).",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class, RulesHistoryCommand.class,
                RulesRollbackCommand.class})
public final class RulesCommand {
    private static final String DIR_HELP = "Directory of the rule files, searched recursively (default: .ce/rules/ "
            + "at the top of the git work tree, else in the current directory).";

    /** {@code ce rules validate [DIR]}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile every .drl under DIR together with the built-in rule set it joins (by its "
                    + "package) and print each error as path:line:column: message. Exit code 1 on errors.")
    static final class Validate extends RuleCheck {
        @Override
        int check(LocalRules local, PrintWriter out) {
            Compilation compilation = new LayeredCompiler(RuleSets.builtIn()).compile(local.drlFiles());
            int files = compilation.files().size();
            return switch (compilation) {
                case Compilation.Compiled compiled -> {
                    compiled.localRules().forEach(rule -> out.println(describe(rule)));
                    out.printf("%s, %s, no errors (%s)%n", count(files, "file"),
                            count(compiled.localRules().size(), "rule"), ruleSets(compiled));
                    yield 0;
                }
                case Compilation.Failed failed -> {
                    failed.problems().forEach(problem -> out.println(problem.describe()));
                    out.printf("%s, %s%n", count(files, "file"), count(failed.problems().size(), "error"));
                    yield 1;
                }
            };
        }

        private static String describe(LocalRule rule) {
            String set = rule.ruleSet().description();
            return rule.source() + ":" + rule.line() + ": rule '" + rule.name() + "' "
                    + (rule.replacesBuiltIn() ? "replaces the built-in rule of that name in the " + set
                    : "joins the " + set);
        }

        /** "dependency rules: 14 built-in, 1 added; gate rules: 22 built-in, 1 replaced". */
        private static String ruleSets(Compilation.Compiled compiled) {
            return compiled.bases().stream().map(base -> ruleSet(base, compiled.localRules()))
                    .collect(Collectors.joining("; "));
        }

        private static String ruleSet(LayeredBase base, List<LocalRule> localRules) {
            CompiledDrl set = base.ruleSet();
            long replaced = localRules.stream().filter(r -> r.ruleSet() == set && r.replacesBuiltIn()).count();
            long added = localRules.stream().filter(r -> r.ruleSet() == set && !r.replacesBuiltIn()).count();
            return set.description() + ": " + base.builtInRules() + " built-in"
                    + (added > 0 ? ", " + added + " added" : "") + (replaced > 0 ? ", " + replaced + " replaced" : "");
        }
    }

    /** {@code ce rules test [DIR]}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the scenario files under DIR (.yaml, .yml, .json: given facts, expected conclusions) "
                    + "against the built-in rules layered with the .drl files under DIR. Exit code 1 if any fails.")
    static final class Test extends RuleCheck {
        @Override
        int check(LocalRules local, PrintWriter out) {
            TestRun run = RuleTests.run(local, RuleSets.builtIn());
            switch (run) {
                case TestRun.NotCompiled failed -> {
                    failed.problems().forEach(problem -> out.println(problem.describe()));
                    out.printf("The rules do not compile (%s); no scenario ran. Correct them, then run again.%n",
                            count(failed.problems().size(), "error"));
                }
                case TestRun.Ran ran -> report(ran, local, out);
            }
            return run.passed() ? 0 : 1;
        }

        private static void report(TestRun.Ran ran, LocalRules local, PrintWriter out) {
            out.printf("Rules: the built-in rules with %s from %s%n", count(ran.ruleFiles().size(), "local file"),
                    local.directory());
            if (ran.scenarioFiles().isEmpty()) {
                out.printf("No scenario files (.yaml, .yml, .json) under %s: nothing to test.%n", local.directory());
                return;
            }
            ran.results().stream().map(ScenarioResult::report).forEach(out::println);
            ran.unreadableFiles().forEach(problem -> out.println("ERROR " + problem));
            out.println(ScenarioRunner.summary(ran.results()) + (ran.unreadableFiles().isEmpty() ? ""
                    : ", " + count(ran.unreadableFiles().size(), "unreadable file")));
        }
    }

    /** What validate and test share: the DIR holding the project's rules, and printing; each adds its check. */
    abstract static class RuleCheck implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "DIR", description = DIR_HELP)
        Path dir;

        @Mixin
        CommandStreams streams;

        @Override
        public final Integer call() {
            PrintWriter out = streams.out();
            int exit = check(localRules(out), out);
            out.flush();
            return exit;
        }

        /** @return the exit code: 0 when the rules pass */
        abstract int check(LocalRules local, PrintWriter out);

        /**
         * The directory given, or the project's {@code .ce/rules/} named relative to the current directory, so that
         * the paths in messages are short and an editor opens them from here.
         */
        private LocalRules localRules(PrintWriter out) {
            if (dir != null) {
                if (!Files.isDirectory(dir)) {
                    throw new CeException(ErrorCode.INVALID_ARGUMENT, "No directory " + dir + ".",
                            "Give the directory that holds the .drl and scenario files, or none for the project's "
                                    + LocalRules.PROJECT_DIRECTORY + "/.");
                }
                return new LocalRules(dir);
            }
            Path cwd = Path.of("").toAbsolutePath();
            LocalRules project = LocalRules.ofProject(cwd);
            LocalRules local = new LocalRules(cwd.relativize(project.directory()));
            if (!local.exists()) {
                out.printf("No %s directory (%s): the built-in rules alone.%n", LocalRules.PROJECT_DIRECTORY,
                        project.directory());
            }
            return local;
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
