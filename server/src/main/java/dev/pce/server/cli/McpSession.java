package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.server.mcp.Version;
import dev.pce.server.mcp.PceMcpServer;
import dev.pce.server.mcp.Serving;
import dev.pce.server.mcp.ProtocolSetup;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.wiring.ProjectVaults;
import dev.pce.server.wiring.ServerWiring;
import dev.pce.server.wiring.StartupSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** One MCP session: PCE's tools on a workspace, served on the given streams until the client closes its end. */
final class McpSession {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);

    private McpSession() {
    }

    /**
     * @param rules the dependency rules to classify plans with, compiled in the background after the first answer;
     *              empty classifies by declarations only (the start-up training, which must not record the rules'
     *              classes into the start-up cache: every later start would load them)
     * @param vaults the environment that names the vaults ({@code CE_VAULT}, {@code CE_VAULTS}, {@code CE_PROJECT};
     *               the project's configuration names the own vault when {@code CE_VAULT} does not),
     *               opened in the background once the rules began to compile; empty opens none (the start-up
     *               training again)
     */
    static void run(Workspace workspace, ProtocolSetup protocol, Optional<DependencyRules> rules,
                    Optional<Map<String, String>> vaults, InputStream in, OutputStream out, String logHint)
            throws InterruptedException {
        run(workspace, protocol, rules, vaults, new Serving.Stdio(in, out), logHint);
    }

    /** One server on a workspace, reached as {@code serving} says, until its client or the process ends it. */
    static void run(Workspace workspace, ProtocolSetup protocol, Optional<DependencyRules> rules,
                    Optional<Map<String, String>> vaults, Serving serving, String logHint)
            throws InterruptedException {
        LOG.info("Workspace {}", workspace.root());
        // read while the handshake is answered: the configuration's YAML library is loaded only when a file exists
        ProjectSettings project = ProjectSettings.of(Path.of("").toAbsolutePath());
        // instanceof, not a pattern switch: the JDK generates a switch's dispatch class at its first run, which
        // the start-up cache cannot hold, and that would cost milliseconds before the first answer
        if (serving instanceof Serving.Stdio stdio) {
            // The handshake first: the server answers initialize while it wires the engine and registers the tools,
            // and reads the requests after it once they are registered.
            CountDownLatch clientGone = new CountDownLatch(1);
            protocol.prepareHandshake();
            PceMcpServer server = PceMcpServer.startHandshake(protocol.jsonMapper(), stdio.in(),
                    stdio.out(), Version.current(), clientGone::countDown);
            server.firstAnswer().thenRun(protocol::firstAnswerWritten);
            StartupSequence startup = StartupSequence.onOwnThread();
            try (VaultKnowledgeStore learnings = learnings(workspace, project, vaults, startup);
                 ServerWiring wiring = ServerWiring.open(workspace, project, System.getenv(), rules,
                         learnings)) {
                server.offer(protocol.protocol(), wiring.tools(), learnings, logHint);
                LOG.info("PCE MCP server {} serving {} tools on stdio", Version.current(), wiring.tools().size());
                startup.compileRulesWhen(server.toolsKnown(), rules);
                wiring.catchUpWhen(startup.rulesStarted());
                clientGone.await();
                LOG.info("Client closed the connection; shutting down.");
            } catch (RuntimeException | Error e) {
                server.giveUp(e);
                throw e;
            } finally {
                server.close();
            }
        } else if (serving instanceof Serving.Http http) {
            protocol.firstAnswerWritten(); // answers over HTTP have no one order: warm up everything at once
            StartupSequence startup = StartupSequence.onOwnThread();
            CompletableFuture<Void> started = new CompletableFuture<>();
            try (VaultKnowledgeStore learnings = learnings(workspace, project, vaults, startup);
                 ServerWiring wiring = ServerWiring.open(workspace, project, System.getenv(), rules,
                         learnings)) {
                startup.compileRulesWhen(started, rules);
                wiring.catchUpWhen(startup.rulesStarted());
                HttpSession.serve(protocol.protocol(), wiring.tools(), learnings, http, logHint,
                        () -> started.complete(null));
            }
        }
    }

    /**
     * The vaults named by {@code vaults} and the project's configuration, opened in their turn; none when it is empty
     * (the start-up training).
     */
    private static VaultKnowledgeStore learnings(Workspace workspace, ProjectSettings project,
                                                 Optional<Map<String, String>> vaults, StartupSequence startup) {
        return vaults.map(env -> {
            Map<String, String> copy = Map.copyOf(env);
            VaultKnowledgeStore store = VaultKnowledgeStore.openLater(workspace,
                    () -> ProjectVaults.sources(workspace, project, copy), copy);
            startup.rulesStarted().thenRun(store::openInBackground);
            return store;
        }).orElseGet(() ->
                VaultKnowledgeStore.unavailable("The vaults are not opened while the start-up cache is trained."));
    }
}
