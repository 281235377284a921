package dev.pce.server.cli;

import dev.pce.server.wiring.CommandWiring;
import dev.pce.rules.learned.LearnOutcome;
import dev.pce.rules.learned.LearnedRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code ce rules rollback N}: makes learned rules version N current again, as a new version. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Make the learned rules of version N current again. They are compiled with the built-in rules "
                + "and the project's own rules first; if they still compile, they are stored as a new version (the "
                + "history stays a line). Exit code 1 if they no longer compile, 2 for an unknown N.")
public final class RulesRollbackCommand implements Callable<Integer> {
    @Parameters(paramLabel = "N", description = "The version to restore, as 'ce rules history' lists it.")
    int version;

    @Mixin
    WorkspaceOption workspaceOption;

    @Override
    public Integer call() {
        PrintWriter out = workspaceOption.out();
        LearnedRules learned = CommandWiring.learnedRules(workspaceOption.location());
        int exit = switch (learned.rollback(version)) {
            case LearnOutcome.Accepted accepted -> {
                out.printf("Restored the learned rules of version %d as version %d (current):%n", version,
                        accepted.version().version());
                out.println(RulesHistoryCommand.line(accepted.version(), true));
                yield 0;
            }
            case LearnOutcome.Rejected rejected -> {
                out.println(rejected.describe());
                yield 1;
            }
        };
        out.flush();
        return exit;
    }
}
