package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.server.mcp.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ce}: the PCE command line. */
@Command(name = "ce",
        mixinStandardHelpOptions = true,
        versionProvider = CeCommand.VersionProvider.class,
        description = "PCE - parallel compound engineering: an MCP server that plans, schedules, referees and "
                + "remembers the work of parallel agent pools.",
        subcommands = {ServeCommand.class, StatusCommand.class, DemoCommand.class, WorkspaceCommand.class,
                IndexCommand.class, BenchCommand.class, SimulateCommand.class, RulesCommand.class,
                ExperimentCommand.class, LearnCommand.class, InitCommand.class, GateCheckCommand.class,
                PlanCommand.class, EventsCommand.class, StateCommand.class, DoctorCommand.class,
                ReportCommand.class, CommandLine.HelpCommand.class})
public final class CeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CeCommand());
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            if (error instanceof CeException ce) {
                cmd.getErr().println("ce: " + ce.describe());
                return 2;
            }
            throw error;
        });
        return commandLine;
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
