package dev.pce.server.mcp;

import dev.pce.server.logging.LoggingSetup;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;

import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * PCE's log records sent to the client as MCP log notifications ({@code notifications/message}), at and above the
 * level it set with {@code logging/setLevel}; warnings and errors until it sets one. Only PCE's own loggers are
 * forwarded (not the SDK's or the libraries'), only once the session is initialized, without stack traces, and
 * masked like the log files. The log files keep their own level ({@code CE_LOG_LEVEL}).
 */
final class ClientLog extends Handler {
    static final LoggingLevel DEFAULT_LEVEL = LoggingLevel.WARNING;
    /** Held here: the log manager keeps loggers only weakly, and a collected one forgets its level. */
    private static final Logger PCE = Logger.getLogger("dev.pce");
    private static final String LOGGER_NAME = "pce";

    private final SimpleFormatter text = new SimpleFormatter();
    /** Set while a record is being sent: sending may log (a failed write), and that must not loop. */
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);
    private volatile LoggingLevel level = DEFAULT_LEVEL;
    private volatile Consumer<McpSchema.LoggingMessageNotification> client;

    /** Starts forwarding to {@code client}: the session is initialized. */
    void connect(Consumer<McpSchema.LoggingMessageNotification> send) {
        client = send;
        PCE.addHandler(this);
        applyLevel();
    }

    /** {@code logging/setLevel}: from now on, records at {@code wanted} and above go to the client. */
    void setLevel(LoggingLevel wanted) {
        level = wanted;
        if (client != null) {
            applyLevel();
        }
    }

    /**
     * Lets PCE's loggers make the records the client asked for (debug ones are not made by default); never fewer
     * than {@code CE_LOG_LEVEL} asks for, so the log files lose nothing.
     */
    private void applyLevel() {
        Level wanted = recordLevelFor(level);
        Level configured = Logger.getLogger("").getLevel();
        PCE.setLevel(configured == null || wanted.intValue() < configured.intValue() ? wanted : configured);
    }

    @Override
    public void publish(LogRecord record) {
        Consumer<McpSchema.LoggingMessageNotification> send = client;
        if (send == null || sending.get()) {
            return;
        }
        LoggingLevel recordLevel = levelOf(record.getLevel());
        if (recordLevel.level() < level.level()) {
            return;
        }
        sending.set(true);
        try {
            send.accept(new McpSchema.LoggingMessageNotification(recordLevel, LOGGER_NAME,
                    LoggingSetup.redact(text.formatMessage(record))));
        } catch (RuntimeException e) {
            // the client is gone; the log files have the record
        } finally {
            sending.set(false);
        }
    }

    /** The MCP level of a java.util.logging level (SLF4J's debug and trace are FINE and FINEST). */
    static LoggingLevel levelOf(Level record) {
        int value = record.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LoggingLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LoggingLevel.WARNING;
        }
        return value >= Level.INFO.intValue() ? LoggingLevel.INFO : LoggingLevel.DEBUG;
    }

    /** The lowest java.util.logging level whose records reach the client at {@code level}. */
    private static Level recordLevelFor(LoggingLevel level) {
        return switch (level) {
            case DEBUG -> Level.FINEST;
            case INFO -> Level.INFO;
            case NOTICE, WARNING -> Level.WARNING;
            case ERROR, CRITICAL, ALERT, EMERGENCY -> Level.SEVERE;
        };
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        client = null;
        PCE.removeHandler(this);
        PCE.setLevel(null);
    }
}
