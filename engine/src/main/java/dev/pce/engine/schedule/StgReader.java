package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a task graph in the Standard Task Graph Set format (Kasahara lab, Waseda; the variant without
 * communication costs): a first number N, then the task records {@code id cost numPreds pred...} for the entry
 * dummy 0, the tasks and the exit dummy, ids from 0 in order and predecessors earlier than their task. Published
 * files differ in whether N counts the two dummies, so N or N + 2 records are accepted. Text after {@code #} is a
 * comment; records may wrap across lines.
 *
 * <p>Tasks become {@code t<id>} in the pool {@link #POOL}, costs their estimates, predecessors hard edges.
 */
public final class StgReader {
    /** The single pool STG tasks run in: the benchmark's P processors. */
    public static final String POOL = "processors";

    /** A parsed graph. */
    public record StgGraph(String name, List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
    }

    private StgReader() {
    }

    public static StgGraph read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot read " + file + ": " + e.getMessage(),
                    "Check the path and that the file is readable.", e);
        }
    }

    public static StgGraph parse(String name, String text) {
        Tokens tokens = new Tokens(name, text);
        long count = tokens.next("the task count");
        if (count < 0 || count > 10_000_000) {
            throw tokens.error("task count " + count + " is out of range");
        }
        List<TaskSpec> tasks = new ArrayList<>((int) count + 2);
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int id = 0; tokens.hasMore(); id++) {
            long declared = tokens.next("the id of task " + id);
            if (declared != id) {
                throw tokens.error("expected task id " + id + ", found " + declared);
            }
            long cost = tokens.next("the cost of task " + id);
            if (cost < 0) {
                throw tokens.error("task " + id + " has negative cost " + cost);
            }
            long predecessors = tokens.next("the predecessor count of task " + id);
            if (predecessors < 0 || predecessors > id) {
                throw tokens.error("task " + id + " cannot have " + predecessors + " predecessors");
            }
            tasks.add(TaskSpec.builder("t" + id, "task").pool(POOL).estimate(cost).build());
            for (int i = 0; i < predecessors; i++) {
                long before = tokens.next("predecessor " + (i + 1) + " of task " + id);
                if (before < 0 || before >= id) {
                    throw tokens.error("predecessor " + before + " of task " + id + " is not an earlier task");
                }
                edges.add(new ClassifiedEdge("t" + before, "t" + id, EdgeClass.HARD, "", "stg", ""));
            }
        }
        if (tasks.size() != count && tasks.size() != count + 2) {
            throw tokens.error("the header says " + count + " tasks (" + (count + 2) + " with the entry and exit "
                    + "dummies), but the file has " + tasks.size() + " task records");
        }
        return new StgGraph(name, tasks, edges);
    }

    /** Whitespace-separated integers with their line numbers, skipping comments. */
    private static final class Tokens {
        private final String file;
        private final String text;
        private int at;
        private int line = 1;

        Tokens(String file, String text) {
            this.file = file;
            this.text = text;
        }

        long next(String what) {
            skipBlanks();
            if (at >= text.length()) {
                throw error("the file ends where " + what + " should be");
            }
            int begin = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != '#') {
                at++;
            }
            String token = text.substring(begin, at);
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw error("expected " + what + " (a whole number), found '"
                        + (token.length() > 20 ? token.substring(0, 20) + "..." : token) + "'");
            }
        }

        boolean hasMore() {
            skipBlanks();
            return at < text.length();
        }

        private void skipBlanks() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '#') {
                    while (at < text.length() && text.charAt(at) != '\n') {
                        at++;
                    }
                } else if (Character.isWhitespace(c)) {
                    if (c == '\n') {
                        line++;
                    }
                    at++;
                } else {
                    return;
                }
            }
        }

        CeException error(String problem) {
            return new CeException(ErrorCode.INVALID_ARGUMENT, file + ":" + line + ": " + problem + ".",
                    "Give a Standard Task Graph Set file without communication costs: a task count N, then records "
                            + "'id cost predecessorCount predecessor...' for ids 0 to N+1 in order.");
        }
    }
}
