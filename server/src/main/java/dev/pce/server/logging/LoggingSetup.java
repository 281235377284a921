package dev.pce.server.logging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes all logging (ours via SLF4J, the SDK's, Reactor's) through java.util.logging to stderr and to a rotating
 * file in the workspace. Never to stdout, which belongs to JSON-RPC. Every line passes a {@link SecretRedactor}.
 */
public final class LoggingSetup {
    public static final String LEVEL_VARIABLE = "CE_LOG_LEVEL";
    private static final int FILE_LIMIT_BYTES = 5 * 1024 * 1024;
    private static final int FILE_COUNT = 5;

    /** Held here: the log manager keeps loggers only weakly, and a collected one forgets its level. */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");
    private static final Logger SDK_SERVER = Logger.getLogger("io.modelcontextprotocol.server.McpAsyncServer");
    private static final Logger DJL_CUDA = Logger.getLogger("ai.djl.util.cuda");

    /** Read on every line; replaced, never changed, when a secret from the command line joins it. */
    private static volatile SecretRedactor redactor = SecretRedactor.fromEnvironment(System.getenv());

    private LoggingSetup() {
    }

    /** {@code text} with every secret masked, as every log line is: for log text that leaves the process. */
    public static String redact(String text) {
        return redactor.redact(text);
    }

    /** Masks {@code secret} in every log line from now on (a token given as a command-line option). */
    public static void alsoMask(String secret) {
        redactor = redactor.alsoMasking(secret);
    }

    /**
     * @param logsDir where the rotating {@code pce-N.G.log} files go (N distinguishes concurrent processes)
     * @return a description of the log file location, for error messages
     */
    public static String configure(Path logsDir, String level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level threshold = parse(level);
        root.setLevel(threshold);
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(threshold);
        console.setFormatter(new OneLine());
        root.addHandler(console);
        String pattern = logsDir.resolve("pce-%u.%g.log").toString();
        try {
            FileHandler file = new FileHandler(pattern, FILE_LIMIT_BYTES, FILE_COUNT, true);
            file.setLevel(threshold);
            file.setFormatter(new OneLine());
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            root.warning("No log file in " + logsDir + " (" + e + "); logging to stderr only.");
        }
        quietLibraries();
        // The SDK logs every handshake at INFO by printing the client's capability records, and the first print of
        // a record generates its toString on the spot: tens of milliseconds before the first answer. Debug keeps it.
        if (threshold.intValue() >= Level.INFO.intValue()) {
            SDK_SERVER.setLevel(Level.WARNING);
        }
        return logsDir.resolve("pce-*.log").toString();
    }

    /**
     * Lucene warns once per process that the incubating vector API is not enabled; its scalar code is what we
     * choose on purpose (no incubator module on the command line), so the warning says nothing to act on. The
     * semantic model's tokenizer library (DJL) probes for a GPU and warns twice when the driver does not fit: the
     * model runs on the processor on purpose.
     */
    private static void quietLibraries() {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        DJL_CUDA.setLevel(Level.SEVERE);
    }

    /** Quiet console for command-line use: warnings and errors only, no file. */
    public static void configureForCli() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new OneLine());
        root.addHandler(console);
        quietLibraries();
    }

    static Level parse(String level) {
        if (level == null || level.isBlank()) {
            return Level.INFO;
        }
        return switch (level.trim().toLowerCase(Locale.ROOT)) {
            case "trace", "debug", "fine" -> Level.FINE;
            case "warn", "warning" -> Level.WARNING;
            case "error", "severe" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }

    /** {@code text} with spaces up to {@code width}: cheaper than a format string on the first log line. */
    static String padded(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** {@code 2026-11-25T10:00:00.123Z INFO  EventLog  message} plus the stack trace, if any. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            String shortLogger = logger.substring(logger.lastIndexOf('.') + 1);
            StringBuilder line = new StringBuilder(160)
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(padded(record.getLevel().getName(), 7)).append(' ')
                    .append(shortLogger).append("  ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return redactor.redact(line.toString());
        }
    }
}
