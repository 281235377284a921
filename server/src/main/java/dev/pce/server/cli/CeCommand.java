package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.server.logging.LoggingSetup;
import dev.pce.server.mcp.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** {@code ce}: the PCE command line. */
@Command(name = "ce",
        mixinStandardHelpOptions = true,
        versionProvider = CeCommand.VersionProvider.class,
        description = "PCE - parallel compound engineering: an MCP server that plans, schedules, referees and "
                + "remembers the work of parallel agent pools.",
        subcommands = {ServeCommand.class, StatusCommand.class, DemoCommand.class, WorkspaceCommand.class,
                IndexCommand.class, NoteCommand.class, BenchCommand.class, SimulateCommand.class, RulesCommand.class,
                ExperimentCommand.class, LearnCommand.class, InitCommand.class, GateCheckCommand.class,
                PlanCommand.class, EditCommand.class, EventsCommand.class, StateCommand.class, DoctorCommand.class,
                ReportCommand.class, CommandLine.HelpCommand.class})
public final class CeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CeCommand());
        commandLine.setExecutionStrategy(CeCommand::execute);
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            if (error instanceof CeException ce) {
                cmd.getErr().println("ce: " + ce.describe());
                return 2;
            }
            throw error;
        });
        return commandLine;
    }

    /**
     * Runs the command the arguments name, as picocli does by default, after setting up the log every command but
     * {@code serve} shares: warnings and errors only, on stderr ({@code serve} logs to a file of its workspace).
     */
    private static int execute(ParseResult parsed) {
        if (!(parsed.asCommandLineList().getLast().getCommand() instanceof ServeCommand)) {
            LoggingSetup.configureForCli();
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the build's version. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pce " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
