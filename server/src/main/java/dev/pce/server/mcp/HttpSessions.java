package dev.pce.server.mcp;

import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.server.tools.CeTool;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * PCE's side of the sessions of the SDK's Streamable HTTP transport. It stands between the SDK's server and the
 * SDK's transport, so it sees every session the SDK starts, and keeps for each what {@link StdioTransport} keeps for
 * its one session: the {@link RequestGate}, the tool calls in flight with their cancellation signals, and the
 * client's log, sent as notifications on the session's GET stream. {@link HttpSessionFilter} finds a request's
 * session here.
 *
 * <p>A session known here is one the SDK serves, because PCE decides when a session ends: each session holds a
 * stream of PCE's own, which keeps the SDK's sweep of idle sessions (which PCE could not observe) away from it, and
 * PCE ends a session once it was idle for {@link #IDLE_LIMIT} with no request running and no GET stream open, as that
 * sweep would, or once the client deleted it. The SDK's sweep then forgets the ended session.
 */
public final class HttpSessions implements McpStreamableServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSessions.class);
    /** The SDK's own idle limit (its sweep interval). */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(30);
    private static final long SWEEP_MINUTES = 1;

    private final McpStreamableServerTransportProvider sdk;
    private final Function<ClientLog.Client, RequestGate> gates;
    private final InstantSource clock;
    private final ClientLog clientLog = new ClientLog();
    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pce-http-sessions").daemon().factory());

    HttpSessions(McpStreamableServerTransportProvider sdk, Function<ClientLog.Client, RequestGate> gates,
                 InstantSource clock) {
        this.sdk = sdk;
        this.gates = gates;
        this.clock = clock;
        sweeper.scheduleWithFixedDelay(this::endIdle, SWEEP_MINUTES, SWEEP_MINUTES, TimeUnit.MINUTES);
    }

    /** The sessions of {@code sdk}, answering with PCE's {@code tools} and the notes of {@code learnings}. */
    public static HttpSessions around(McpStreamableServerTransportProvider sdk, List<CeTool> tools,
                                      VaultKnowledgeStore learnings) {
        List<String> names = tools.stream().map(CeTool::name).toList();
        return new HttpSessions(sdk, log -> new RequestGate(names, log, learnings), InstantSource.system());
    }

    /** One open session: the SDK's, and PCE's state of it. */
    static final class Session {
        private final McpStreamableServerSession sdk;
        private final RequestGate gate;
        private final InFlightRequests inFlight = new InFlightRequests();
        private final ClientLog.Client log;
        private final AtomicInteger running = new AtomicInteger();
        private volatile Instant lastSeen;

        private Session(McpStreamableServerSession sdk, RequestGate gate, ClientLog.Client log, Instant now) {
            this.sdk = sdk;
            this.gate = gate;
            this.log = log;
            this.lastSeen = now;
        }

        String id() {
            return sdk.getId();
        }

        RequestGate gate() {
            return gate;
        }

        InFlightRequests inFlight() {
            return inFlight;
        }

        ClientLog.Client log() {
            return log;
        }

        private boolean idleSince(Instant now) {
            return running.get() == 0 && !sdk.hasListeningStream() && !lastSeen.plus(IDLE_LIMIT).isAfter(now);
        }
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        sdk.setSessionFactory(initialize -> {
            McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(initialize);
            started(init.session());
            return init;
        });
    }

    private void started(McpStreamableServerSession session) {
        session.responseStream(new Hold()); // the SDK's sweep ends no session with an open stream
        ClientLog.Client log = clientLog.client();
        log.connect(notification -> session.sendNotification(McpSchema.METHOD_NOTIFICATION_MESSAGE, notification)
                .subscribe(null, noStream -> { })); // without a GET stream the record is not sent
        open.put(session.getId(), new Session(session, gates.apply(log), log, clock.instant()));
    }

    /** The open session {@code id}; empty when there is none (ended, or never started). */
    Optional<Session> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    /** A request of {@code session} starts: it is not idle while the request runs. */
    void requestStarted(Session session) {
        session.running.incrementAndGet();
        session.lastSeen = clock.instant();
    }

    void requestEnded(Session session) {
        session.lastSeen = clock.instant();
        session.running.decrementAndGet();
    }

    /** The client deleted {@code session}, and the SDK closed it. */
    void deleted(Session session) {
        if (open.remove(session.id(), session)) {
            session.log.disconnect();
        }
    }

    /** Ends every session idle for {@link #IDLE_LIMIT} with no request running and no GET stream open. */
    void endIdle() {
        Instant now = clock.instant();
        for (Session session : open.values()) {
            if (session.idleSince(now) && open.remove(session.id(), session)) {
                LOG.info("Ended the HTTP session {}: idle for {} minutes", session.id(), IDLE_LIMIT.toMinutes());
                session.log.disconnect();
                session.sdk.closeGracefully().subscribe(null, error -> LOG.debug("Closing the session {} failed: {}",
                        session.id(), error.toString()));
            }
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return sdk.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return sdk.notifyClient(sessionId, method, params);
    }

    @Override
    public List<String> protocolVersions() {
        return sdk.protocolVersions();
    }

    @Override
    public Mono<Void> closeGracefully() {
        sweeper.shutdownNow();
        clientLog.close();
        open.clear();
        return sdk.closeGracefully();
    }

    /**
     * PCE's stream in every session: it sends nothing (no request is ever handled on it) and only counts as open
     * for the SDK until the session is closed, which closes it.
     */
    private static final class Hold implements McpStreamableServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.empty();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            throw new UnsupportedOperationException("nothing is read on this stream");
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
