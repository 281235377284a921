package dev.pce.server.mcp;

import dev.pce.server.logging.LoggingSetup;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * PCE's log records sent to clients as MCP log notifications ({@code notifications/message}), each client at and
 * above the level it set with {@code logging/setLevel}; warnings and errors until it sets one. A stdio server has
 * one {@link Client}, an HTTP server one per session. A record made while a thread works for one client's request
 * ({@link Client#working}) goes to that client alone; any other record goes to every client. Only PCE's own loggers
 * are forwarded (not the SDK's or the libraries'), only to connected clients (initialized sessions), without stack
 * traces, and masked like the log files. The log files keep their own level ({@code CE_LOG_LEVEL}).
 */
final class ClientLog extends Handler {
    static final LoggingLevel DEFAULT_LEVEL = LoggingLevel.WARNING;
    /** Held here: the log manager keeps loggers only weakly, and a collected one forgets its level. */
    private static final Logger PCE = Logger.getLogger("dev.pce");
    private static final String LOGGER_NAME = "pce";

    private final SimpleFormatter text = new SimpleFormatter();
    /** Set while a record is being sent: sending may log (a failed write), and that must not loop. */
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);
    /** The client whose request this thread works on, if any. */
    private final ThreadLocal<Client> workingFor = new ThreadLocal<>();
    private final Set<Client> connected = ConcurrentHashMap.newKeySet();

    /** A client that receives records once it {@link Client#connect connects}. */
    Client client() {
        return new Client();
    }

    /** One client's side: its level, and how a notification reaches it. */
    final class Client {
        private volatile LoggingLevel level = DEFAULT_LEVEL;
        private volatile Consumer<McpSchema.LoggingMessageNotification> send;

        /** Starts forwarding to this client: its session is initialized. */
        void connect(Consumer<McpSchema.LoggingMessageNotification> sender) {
            send = sender;
            clientsChanged(() -> connected.add(this));
        }

        /** {@code logging/setLevel}: from now on, records at {@code wanted} and above go to this client. */
        void setLevel(LoggingLevel wanted) {
            level = wanted;
            if (send != null) {
                clientsChanged(() -> { });
            }
        }

        /** Stops forwarding to this client: its session ended. */
        void disconnect() {
            send = null;
            clientsChanged(() -> connected.remove(this));
        }

        /** Runs {@code work} done for one of this client's requests: its records go to this client alone. */
        <T> T working(Supplier<T> work) {
            Client before = workingFor.get();
            workingFor.set(this);
            try {
                return work.get();
            } finally {
                workingFor.set(before);
            }
        }

        /** Whether a record of {@code recordLevel} goes to this client: it is connected and wants that level. */
        private boolean wants(LoggingLevel recordLevel) {
            return send != null && recordLevel.level() >= level.level();
        }

        private void send(McpSchema.LoggingMessageNotification notification) {
            Consumer<McpSchema.LoggingMessageNotification> sender = send;
            if (sender != null) {
                sender.accept(notification);
            }
        }
    }

    /**
     * Applies a change to the connected clients, then lets PCE's loggers make the records the clients ask for
     * (debug ones are not made by default): the lowest level any client wants, never fewer than
     * {@code CE_LOG_LEVEL} asks for, so the log files lose nothing. The handler is on PCE's logger while a client
     * is connected.
     */
    private synchronized void clientsChanged(Runnable change) {
        change.run();
        if (connected.isEmpty()) {
            PCE.removeHandler(this);
            PCE.setLevel(null);
            return;
        }
        if (!List.of(PCE.getHandlers()).contains(this)) {
            PCE.addHandler(this);
        }
        Level wanted = Level.OFF;
        for (Client client : connected) {
            Level level = recordLevelFor(client.level);
            wanted = level.intValue() < wanted.intValue() ? level : wanted;
        }
        Level configured = Logger.getLogger("").getLevel();
        PCE.setLevel(configured == null || wanted.intValue() < configured.intValue() ? wanted : configured);
    }

    @Override
    public void publish(LogRecord record) {
        if (connected.isEmpty() || sending.get()) {
            return;
        }
        LoggingLevel recordLevel = levelOf(record.getLevel());
        Client only = workingFor.get();
        McpSchema.LoggingMessageNotification notification = null;
        sending.set(true);
        try {
            for (Client client : only != null ? Set.of(only) : connected) {
                if (!client.wants(recordLevel)) {
                    continue;
                }
                if (notification == null) {
                    notification = new McpSchema.LoggingMessageNotification(recordLevel, LOGGER_NAME,
                            LoggingSetup.redact(text.formatMessage(record)));
                }
                try {
                    client.send(notification);
                } catch (RuntimeException e) {
                    // that client is gone; the others still get the record, the log files have it
                }
            }
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

    /** The lowest java.util.logging level whose records reach a client at {@code level}. */
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

    /** Disconnects every client. */
    @Override
    public void close() {
        clientsChanged(() -> {
            connected.forEach(client -> client.send = null);
            connected.clear();
        });
    }
}
