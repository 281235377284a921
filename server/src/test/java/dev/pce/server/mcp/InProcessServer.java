package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.pkm.knowledge.VaultSources;
import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.gate.GateRules;
import dev.pce.server.wiring.ServerWiring;
import dev.pce.server.demo.DemoRun;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.tools.ToolCatalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * PCE's MCP server in this JVM, for the fuzz targets: every {@link #session} is a real stdio session (transport,
 * SDK, tools, engine, Drools rules, vaults) on a scratch project and workspace, fed a fixed list of lines and ended
 * by the end of its input, as a client ends one. Built once per JVM: the rules compile once, the vaults open once.
 *
 * <p>Before each session the workspace is put back to a template (one planned workflow, {@link #WORKFLOW}, whose
 * task {@code design-policy} is held under {@link #claimId()}), and after it the notes it captured are removed, so
 * an input's outcome does not depend on the inputs before it. In an input, {@value #WORKFLOW_TOKEN} and
 * {@value #CLAIM_TOKEN} stand for that workflow's id and that claim's id (the claim id is new in every JVM).
 */
final class InProcessServer {
    static final String WORKFLOW = "wf-20250101-000000-f0220f";
    static final String WORKFLOW_TOKEN = "$WORKFLOW";
    static final String CLAIM_TOKEN = "$CLAIM";
    /** A session ends this long after its input at most: the transport's drain limit, plus room. */
    private static final long SESSION_LIMIT_SECONDS = 60;
    private static final String INIT_ID = "fuzz-init";
    /** What stays when the workspace is put back: the vault index (the learnings hold it open) and the logs. */
    private static final Set<String> KEPT = Set.of("index", "logs", "workspace.json", ".gitignore");

    private static InProcessServer instance;

    private final Path project;
    private final Workspace workspace;
    private final Path template;
    private final List<Path> vaults;
    private final Set<Path> vaultFiles;
    private final ServerProtocol protocol;
    private final VaultKnowledgeStore learnings;
    private final Queue<String> defects = new ConcurrentLinkedQueue<>();
    private String claimId = "";

    /** The input lines as the server read them (tokens replaced), and everything it wrote to stdout. */
    record Session(List<byte[]> lines, byte[] stdout, List<String> defectsLogged) {
    }

    private InProcessServer(Path scratch) throws IOException {
        project = Files.createDirectories(scratch.resolve("project"));
        copyTree(Path.of("src/test/resources/docs-sandbox/gates"), project);
        Path ownVault = copyTree(Path.of("../examples/vault"), project.resolve("vault"));
        Path otherVault = copyTree(Path.of("../examples/vault"), scratch.resolve("other-vault"));
        vaults = List.of(ownVault, otherVault);
        vaultFiles = Set.copyOf(files(vaults));
        workspace = Workspace.open(scratch.resolve("workspace"));
        template = scratch.resolve("template");
        watchForDefects();
        protocol = ServerProtocol.prepare(ToolCatalog.TOOL_NAMES);
        learnings = VaultKnowledgeStore.openNow(workspace, Map.of(VaultSources.VAULT_VARIABLE, ownVault.toString(),
                VaultSources.VAULTS_VARIABLE, "examples=" + otherVault, VaultSources.PROJECT_VARIABLE, "fuzz"));
        // Compiled now, so the first inputs are not slower than the rest.
        DependencyRules.shared().kieBase();
        GateRules.shared().kieBase();
        ConflictRules.shared().kieBase();
        planTemplate();
    }

    /** The server of this JVM, set up on first use. */
    static synchronized InProcessServer get() {
        if (instance == null) {
            try {
                Path scratch = Files.createTempDirectory("pce-fuzz");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Workspace.deleteTree(scratch)));
                instance = new InProcessServer(scratch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String claimId() {
        return claimId;
    }

    /** The project directory: evidence files lie in it (target/surefire-reports, target/site/jacoco, build/). */
    Path project() {
        return project;
    }

    /** One session: the handshake, then {@code lines} (tokens replaced), then the end of input. */
    synchronized Session session(List<byte[]> lines) {
        resetWorkspace();
        List<byte[]> read = lines.stream().map(this::replaceTokens).toList();
        Session session = run(read);
        removeCapturedNotes();
        return session;
    }

    private Session run(List<byte[]> lines) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (byte[] line : handshake()) {
            input.writeBytes(line);
            input.write('\n');
        }
        for (byte[] line : lines) {
            input.writeBytes(line);
            input.write('\n');
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CountDownLatch ended = new CountDownLatch(1);
        defects.clear();
        try (ServerWiring wiring = ServerWiring.open(workspace, ProjectSettings.of(project), Map.of(),
                Optional.of(DependencyRules.shared()), learnings)) {
            PceMcpServer server = PceMcpServer.start(protocol, wiring.tools(), learnings,
                    new ByteArrayInputStream(input.toByteArray()), stdout, "fuzz", "the fuzz target's log",
                    ended::countDown);
            if (!ended.await(SESSION_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the session did not end within " + SESSION_LIMIT_SECONDS
                        + " s of the end of its input");
            }
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        List<byte[]> all = new ArrayList<>(handshake());
        all.addAll(lines);
        return new Session(all, stdout.toByteArray(), List.copyOf(defects));
    }

    private static List<byte[]> handshake() {
        ObjectNode initialize = Json.mapper().createObjectNode().put("jsonrpc", "2.0").put("id", INIT_ID)
                .put("method", "initialize");
        initialize.putObject("params").put("protocolVersion", "2025-06-18").<ObjectNode>set("capabilities",
                Json.mapper().createObjectNode()).putObject("clientInfo").put("name", "pce-fuzz").put("version", "1");
        return List.of(initialize.toString().getBytes(StandardCharsets.UTF_8),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** The template: the sample plan of the demo, planned through the server, and its first task claimed. */
    private void planTemplate() throws IOException {
        ObjectNode plan = Json.mapper().createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method",
                "tools/call");
        plan.putObject("params").put("name", "ce_plan").set("arguments", DemoRun.samplePlan());
        String workflowId = structured(run(List.of(plan.toString().getBytes(StandardCharsets.UTF_8))), 1)
                .path("workflow_id").asText();
        Path planned = workspace.workflowDir(workflowId);
        ObjectNode claim = Json.mapper().createObjectNode().put("jsonrpc", "2.0").put("id", 2).put("method",
                "tools/call");
        claim.putObject("params").put("name", "ce_claim").putObject("arguments").put("workflow_id", workflowId)
                .put("pool", "planners").put("agent", "planner-1").put("task_id", "design-policy")
                .put("lease_seconds", 604_800);
        claimId = structured(run(List.of(claim.toString().getBytes(StandardCharsets.UTF_8))), 2)
                .path("task").path("claim_id").asText();
        Files.createDirectories(template);
        Files.copy(planned.resolve(Workspace.EVENTS_FILE), template.resolve(Workspace.EVENTS_FILE));
        Workspace.deleteTree(planned);
    }

    private static JsonNode structured(Session session, int id) throws IOException {
        for (String line : new String(session.stdout(), StandardCharsets.UTF_8).split("\n")) {
            JsonNode message = Json.mapper().readTree(line);
            if (message.path("id").asInt() == id) {
                JsonNode result = message.path("result");
                if (result.path("isError").asBoolean(true)) {
                    throw new IllegalStateException("setting up the fuzz server failed: " + message);
                }
                return result.path("structuredContent");
            }
        }
        throw new IllegalStateException("no answer to request " + id + " while setting up the fuzz server");
    }

    private void resetWorkspace() {
        try (Stream<Path> entries = Files.list(workspace.root())) {
            entries.filter(entry -> !KEPT.contains(entry.getFileName().toString())).forEach(Workspace::deleteTree);
            Path dir = Files.createDirectories(workspace.workflowDir(WORKFLOW));
            Files.copy(template.resolve(Workspace.EVENTS_FILE), dir.resolve(Workspace.EVENTS_FILE),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeCapturedNotes() {
        for (Path file : files(vaults)) {
            if (!vaultFiles.contains(file)) {
                Workspace.deleteTree(file);
            }
        }
    }

    private byte[] replaceTokens(byte[] line) {
        return replace(replace(line, WORKFLOW_TOKEN, WORKFLOW), CLAIM_TOKEN, claimId);
    }

    /** Byte-wise, so bytes that are not UTF-8 stay as they were. */
    private static byte[] replace(byte[] line, String token, String value) {
        byte[] from = token.getBytes(StandardCharsets.US_ASCII);
        byte[] to = value.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length);
        int i = 0;
        while (i < line.length) {
            if (startsWith(line, i, from)) {
                out.writeBytes(to);
                i += from.length;
            } else {
                out.write(line[i++]);
            }
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Errors PCE logs are defects (a request that failed outside the tools' own error handling, a tool's internal
     * error); the sessions report them. Other logging is dropped: a fuzzer's inputs make a lot of warnings.
     */
    private void watchForDefects() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.SEVERE);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue() && record.getLoggerName() != null
                        && record.getLoggerName().startsWith("dev.pce")) {
                    defects.add(record.getLoggerName() + ": " + record.getMessage()
                            + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static List<Path> files(List<Path> dirs) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
