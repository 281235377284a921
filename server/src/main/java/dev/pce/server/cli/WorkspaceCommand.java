package dev.pce.server.cli;

import dev.pce.engine.service.WorkflowListing;
import dev.pce.engine.service.WorkspaceGc;
import dev.pce.engine.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ce workspace ...}: maintenance of the workspace directory. */
@Command(name = "workspace", mixinStandardHelpOptions = true, description = "Maintain the workspace.",
        subcommands = {WorkspaceCommand.Gc.class, WorkspaceCommand.Path.class})
public final class WorkspaceCommand {

    /** {@code ce workspace gc --older-than 30d}. */
    @Command(name = "gc", mixinStandardHelpOptions = true, description = "Remove finished workflows (completed, or failed with nothing left to run) "
            + "whose last event is older than the threshold. Active workflows are never removed.")
    static final class Gc implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspaceOption;

        @Option(names = "--older-than", required = true, paramLabel = "AGE", converter = AgeConverter.class,
                description = "Minimum age of the last event, e.g. 30d, 12h, 90m, 45s or ISO-8601 (P30D).")
        Duration olderThan;

        @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            Workspace workspace = workspaceOption.open();
            WorkspaceGc.Result result = WorkspaceGc.collect(workspace, olderThan, Clock.systemUTC(), dryRun);
            List<WorkspaceGc.Entry> entries = result.entries();
            PrintWriter out = workspaceOption.out();
            long eligible = 0;
            for (WorkspaceGc.Entry entry : entries) {
                String verdict = entry.removed() ? "removed" : entry.eligible() ? "would remove" : "kept";
                if (entry.eligible()) {
                    eligible++;
                }
                out.printf("%-14s %-30s %-9s last event %s%n", verdict, entry.workflowId(),
                        entry.phase().wireName(), entry.updatedAt());
            }
            for (WorkflowListing.UnreadableWorkflow unreadable : result.unreadable()) {
                out.printf("%-14s %-30s %s%n", "kept", unreadable.workflowId(), "unreadable: " + unreadable.error());
            }
            out.printf("%d of %d workflows %s.%n", eligible, entries.size() + result.unreadable().size(),
                    dryRun ? "would be removed" : "removed");
            out.flush();
            return 0;
        }
    }

    /** {@code ce workspace path}: where the workspace is, for scripts. */
    @Command(name = "path", mixinStandardHelpOptions = true, description = "Print the workspace directory.")
    static final class Path implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspaceOption;

        @Override
        public Integer call() {
            // a script asking where the workspace is must not create one
            workspaceOption.out().println(workspaceOption.location().normalize());
            workspaceOption.out().flush();
            return 0;
        }
    }

    /** Reads ages like 30d, 12h, 90m, 45s, or ISO-8601 durations. */
    static final class AgeConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("p")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 'd' -> Duration.ofDays(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 's' -> Duration.ofSeconds(amount);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an age; use e.g. 30d, 12h, "
                        + "90m, 45s or P30D.");
            }
        }
    }
}
