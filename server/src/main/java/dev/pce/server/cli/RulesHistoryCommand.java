package dev.pce.server.cli;

import dev.pce.rules.learned.LearnedRuleStore;
import dev.pce.rules.learned.LearnedVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ce rules history}: the versions of the learned rules, the current one marked. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the versions of the learned rules (number, time, the patterns they came from); '*' "
                + "marks the current one. Every version is kept; 'ce rules rollback N' restores one.")
public final class RulesHistoryCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspaceOption;

    @Override
    public Integer call() {
        PrintWriter out = workspaceOption.out();
        LearnedRuleStore store = LearnedRuleStore.inWorkspace(workspaceOption.location());
        List<LearnedVersion> versions = store.versions();
        if (versions.isEmpty()) {
            out.printf("No learned rules in %s: the built-in rules and the project's own rules apply.%n",
                    store.directory());
        } else {
            out.printf("Learned rules in %s:%n", store.directory());
            int current = versions.getLast().version();
            versions.forEach(version -> out.println(line(version, version.version() == current)));
        }
        out.flush();
        return 0;
    }

    /** "* 3  2025-05-01T10:00:00Z  rollback of 1  1 pattern: gate:coverage.line  (current)". */
    static String line(LearnedVersion version, boolean current) {
        String patterns = version.patternKeys().isEmpty() ? "no patterns"
                : version.patternKeys().size() + (version.patternKeys().size() == 1 ? " pattern: " : " patterns: ")
                + String.join(", ", version.patternKeys());
        return (current ? "* " : "  ") + String.format("%3d", version.version()) + "  " + version.createdAt() + "  "
                + version.rollbackOf().map(n -> "rollback of " + n + "  ").orElse("") + patterns
                + (current ? "  (current)" : "");
    }
}
