package dev.pce.server.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a {@code ce} command line in this JVM, capturing what it prints: for commands that start no server. */
record InProcessCe(int exitCode, String out, String err) {

    static InProcessCe run(String... args) {
        CommandLine commandLine = CeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new InProcessCe(exitCode, out.toString(), err.toString());
    }
}
