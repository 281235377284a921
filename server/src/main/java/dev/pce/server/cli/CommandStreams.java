package dev.pce.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Where a command prints, and how it refuses options its own checks reject: picocli's streams (which callers and
 * tests may replace) and usage errors, mixed into the command ({@code @Mixin}).
 */
@Command // picocli takes a class for a mixin only with one of its annotations; this adds nothing to the command
class CommandStreams {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /**
     * The value {@code check} builds from the command's options, or, when it refuses them, a usage error with its
     * message, as picocli reports its own: the help hint, exit code 2.
     */
    <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
