package dev.pce.server;

import dev.pce.server.cli.CeCommand;
import dev.pce.server.cli.ServeCommand;
import dev.pce.server.cli.StartupTraining;
import picocli.CommandLine;

/** Entry point of the runnable jar: the {@code ce} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("serve")) {
            // Claude Code starts a server per session: skip picocli's reflective set-up on this hot path.
            System.exit(new ServeCommand().call());
        }
        if (args.length == 1 && args[0].equals("train-startup")) {
            // not a user command: the build runs it to record the server's start-up cache (StartupCacheWriter)
            System.exit(StartupTraining.run());
        }
        System.exit(CeCommand.commandLine().execute(args));
    }
}
