package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.learned.LearnOutcome;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.rules.gate.GateRules;
import dev.pce.server.mcp.Version;
import dev.pce.server.knowledge.LearningsAccess;
import dev.pce.server.mcp.PceMcpServer;
import dev.pce.server.mcp.Serving;
import dev.pce.server.mcp.ProtocolSetup;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.wiring.ServerWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** One MCP session: PCE's tools on a workspace, served on the given streams until the client closes its end. */
final class McpSession {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);

    /** After the handshake's burst, so compiling the rules does not slow the server's first answers. */
    private static final long RULES_DELAY_MILLIS = 500;
    /** Opening the vault indexes comes after the rules have started compiling, for the same reason. */
    private static final long LEARNINGS_DELAY_MILLIS = 700;

    private McpSession() {
    }

    /**
     * Compiles the dependency rules in the background shortly after start-up: a second or two of work that would
     * otherwise fall on the first ce_plan (which still waits for it if it comes sooner).
     */
    private static void prepareRulesSoon(DependencyRules rules, LearnedRules learned) {
        Thread.ofPlatform().daemon().name("pce-rules-build").start(() -> {
            try {
                Thread.sleep(RULES_DELAY_MILLIS);
                rules.kieBase(); // compiles here, unless a ce_plan got there first
                GateRules.shared().kieBase();
                ConflictRules.shared().kieBase();
                if (!learned.history().isEmpty()) {
                    LOG.info("Learned rules: {}", switch (learned.activate()) {
                        case LearnOutcome.Accepted accepted -> "version " + accepted.version().version() + " in force";
                        case LearnOutcome.Rejected rejected -> "none in force: " + rejected.describe();
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("The rules did not compile; ce_plan and ce_gate will report it", e);
            }
        });
    }

    /**
     * @param rules the dependency rules to classify plans with, compiled in the background soon after start-up;
     *              empty classifies by declarations only (the start-up training, which must not record the rules'
     *              classes into the start-up cache: every later start would load them)
     * @param vaults the environment that names the vaults ({@code CE_VAULT}, {@code CE_VAULTS}, {@code CE_PROJECT}),
     *               opened in the background soon after start-up; empty opens none (the start-up training again)
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
            try (LearningsAccess learnings = learnings(workspace, vaults);
                 ServerWiring wiring = ServerWiring.open(workspace, project, System.getenv(), rules,
                         learnings)) {
                server.offer(protocol.protocol(), wiring.tools(), learnings, logHint);
                LOG.info("PCE MCP server {} serving {} tools on stdio", Version.current(), wiring.tools().size());
                rules.ifPresent(built -> prepareRulesSoon(built, wiring.learnedRules().orElseThrow()));
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
            try (LearningsAccess learnings = learnings(workspace, vaults);
                 ServerWiring wiring = ServerWiring.open(workspace, project, System.getenv(), rules,
                         learnings)) {
                Optional<LearnedRules> learnedRules = wiring.learnedRules();
                HttpSession.serve(protocol.protocol(), wiring.tools(), learnings, http, logHint,
                        () -> rules.ifPresent(built -> prepareRulesSoon(built, learnedRules.orElseThrow())));
            }
        }
    }

    /** The vaults named by {@code vaults}, opened soon; none when it is empty (the start-up training). */
    private static LearningsAccess learnings(Workspace workspace, Optional<Map<String, String>> vaults) {
        return vaults.map(env -> LearningsAccess.openSoon(workspace, env, LEARNINGS_DELAY_MILLIS)).orElseGet(
                () -> LearningsAccess.unavailable("The vaults are not opened while the start-up cache is trained."));
    }
}
