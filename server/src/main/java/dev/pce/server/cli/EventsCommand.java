package dev.pce.server.cli;

import dev.pce.engine.merge.EventLogMerger;
import dev.pce.engine.merge.IgnoredEvent;
import dev.pce.engine.merge.InputSummary;
import dev.pce.engine.merge.MergedLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ce events merge}: the event logs of parallel CI jobs, made one (see docs/github-actions.md). */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Work with workflow event logs (events.jsonl) outside a server.",
        subcommands = {EventsCommand.Merge.class})
public final class EventsCommand {

    /** {@code ce events merge LOG... --out FILE}. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge the event logs of one workflow written by parallel jobs (each a copy of the same "
                    + "planned log that one job appended to) into one log: every event once, ordered by its "
                    + "time-ordered id, numbered 1..n, written atomically. The same inputs in any order give the "
                    + "same file. Prints each input, the merged count, the duplicates dropped, skipped torn lines "
                    + "and the conflicts: events kept in the history that the claim rules ignore.")
    static final class Merge implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "LOG", description = "The events.jsonl files to merge.")
        List<Path> logs;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the merged log (replaced atomically; may be one of the inputs).")
        Path out;

        @Option(names = "--fail-on-conflict",
                description = "Exit with code 1 when the merge reveals conflicts (the log is still written).")
        boolean failOnConflict;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            MergedLog merged = EventLogMerger.mergeFiles(logs);
            merged.writeTo(out);
            PrintWriter printer = spec.commandLine().getOut();
            report(merged, printer);
            printer.flush();
            return failOnConflict && !merged.ignored().isEmpty() ? 1 : 0;
        }

        private void report(MergedLog merged, PrintWriter printer) {
            for (InputSummary input : merged.inputs()) {
                printer.printf("input  %s: %d events%n", input.file(), input.events());
                input.tornLine().ifPresent(torn -> printer.printf("       skipped a torn last line of %d bytes at "
                        + "offset %d (a writer died mid-append; it was never acknowledged)%n", torn.bytes(),
                        torn.offset()));
            }
            printer.printf("merged %d events into %s (%d duplicates dropped)%n", merged.events().size(),
                    out.toAbsolutePath().normalize(), merged.duplicatesDropped());
            printer.printf("conflicts: %d%n", merged.ignored().size());
            for (IgnoredEvent ignored : merged.ignored()) {
                printer.println("  ignored " + ignored.describe());
            }
        }
    }
}
