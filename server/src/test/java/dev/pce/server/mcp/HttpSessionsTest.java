package dev.pce.server.mcp;

import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.testing.MutableClock;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which sessions PCE keeps, and that a session it keeps is one the SDK's idle sweep leaves alone (the sweep ends
 * only sessions without an open stream), so a request PCE answers for a session is one the SDK would serve.
 */
class HttpSessionsTest {
    private static final McpSchema.InitializeRequest INITIALIZE = new McpSchema.InitializeRequest("2025-06-18",
            McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("test", "1"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final SdkTransport sdk = new SdkTransport();
    private final HttpSessions sessions = new HttpSessions(sdk, log -> new RequestGate(List.of("ce_status"), log,
            VaultKnowledgeStore.unavailable("no vaults in this test")), clock);

    /** The SDK server's factory, which PCE wraps: sessions without handlers are enough here. */
    @BeforeEach
    void serve() {
        AtomicInteger ids = new AtomicInteger();
        sessions.setSessionFactory(request -> new McpStreamableServerSession.McpStreamableServerSessionInit(
                new McpStreamableServerSession("s" + ids.incrementAndGet(), request.capabilities(),
                        request.clientInfo(), Duration.ofSeconds(5), Map.of(), Map.of()), Mono.empty()));
    }

    @AfterEach
    void close() {
        sessions.closeGracefully().block();
    }

    @Test
    void aStartedSessionIsFoundAndHeldOpenAgainstTheSdksSweep() {
        McpStreamableServerSession started = sdk.start();

        assertThat(sessions.find(started.getId())).hasValueSatisfying(session ->
                assertThat(session.id()).isEqualTo(started.getId()));
        assertThat(started.hasOpenStream()).as("a stream of PCE's keeps the SDK's sweep away").isTrue();
        assertThat(sessions.find("another")).isEmpty();
    }

    @Test
    void aSessionIdleForTheLimitIsEndedAndClosedSoTheSdksSweepForgetsIt() {
        McpStreamableServerSession started = sdk.start();
        clock.advance(HttpSessions.IDLE_LIMIT.minusSeconds(1));
        sessions.endIdle();
        assertThat(sessions.find(started.getId())).as("idle, not for long enough").isPresent();

        clock.advance(Duration.ofSeconds(1));
        sessions.endIdle();
        assertThat(sessions.find(started.getId())).isEmpty();
        assertThat(started.hasOpenStream()).as("closed: nothing left that keeps the SDK's sweep away").isFalse();
    }

    @Test
    void aSessionWithARequestRunningOrAGetStreamOpenIsNotIdle() {
        McpStreamableServerSession busy = sdk.start();
        McpStreamableServerSession listening = sdk.start();
        HttpSessions.Session running = sessions.find(busy.getId()).orElseThrow();
        sessions.requestStarted(running);
        listening.listeningStream(new Silent());

        clock.advance(HttpSessions.IDLE_LIMIT.multipliedBy(3));
        sessions.endIdle();
        assertThat(sessions.find(busy.getId())).isPresent();
        assertThat(sessions.find(listening.getId())).isPresent();

        sessions.requestEnded(running);
        clock.advance(HttpSessions.IDLE_LIMIT.minusSeconds(1));
        sessions.endIdle();
        assertThat(sessions.find(busy.getId())).as("idle from the end of its last request").isPresent();
        clock.advance(Duration.ofSeconds(1));
        sessions.endIdle();
        assertThat(sessions.find(busy.getId())).isEmpty();
        assertThat(sessions.find(listening.getId())).isPresent();
    }

    @Test
    void aDeletedSessionIsForgottenAndItsLogGetsNoMoreRecords() {
        McpStreamableServerSession started = sdk.start();
        HttpSessions.Session session = sessions.find(started.getId()).orElseThrow();
        Silent stream = new Silent();
        started.listeningStream(stream);
        session.log().setLevel(McpSchema.LoggingLevel.INFO);
        Logger.getLogger("dev.pce.test").info("before the delete");
        assertThat(stream.sent.get()).isEqualTo(1);

        started.delete().block();
        sessions.deleted(session);
        Logger.getLogger("dev.pce.test").info("after the delete");

        assertThat(sessions.find(started.getId())).isEmpty();
        assertThat(stream.sent.get()).isEqualTo(1);
    }

    /** The SDK's transport: starts sessions through the factory it was given, as its servlet does on initialize. */
    private static final class SdkTransport implements McpStreamableServerTransportProvider {
        private McpStreamableServerSession.Factory factory;

        McpStreamableServerSession start() {
            return factory.startSession(INITIALIZE).session();
        }

        @Override
        public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
            factory = sessionFactory;
        }

        @Override
        public Mono<Void> notifyClients(String method, Object params) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }

    /** A stream that counts what is sent on it. */
    private static final class Silent implements McpStreamableServerTransport {
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.fromRunnable(sent::incrementAndGet);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
