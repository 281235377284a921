package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.rules.authoring.RuleReloader;
import dev.pce.server.wiring.ServerWiring;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.server.logging.LoggingSetup;
import dev.pce.server.mcp.ProtocolSetup;
import dev.pce.server.mcp.Serving;
import dev.pce.server.tools.ToolCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ce serve}: the MCP server on stdin/stdout until the client closes stdin, or over HTTP with --http. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the MCP server over stdio (what Claude Code starts), or over Streamable HTTP at "
                + "http://HOST:PORT/mcp with --http, for a server shared by a team.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--http", paramLabel = "[HOST:]PORT",
            description = "Serve Streamable HTTP instead of stdio (host default 127.0.0.1; port 0 picks a free one).")
    Optional<String> http = Optional.empty();

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The bearer token every HTTP request must carry (default: $" + HttpOptions.TOKEN_VARIABLE
                    + "); required when the host is not a loopback address. An empty token is refused.")
    Optional<String> token = Optional.empty();

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "A host name HTTP clients and web pages may use in Host and Origin besides localhost, "
                    + "127.x.y.z, [::1] and the listening host; repeatable, also $" + HttpOptions.HOSTS_VARIABLE
                    + " (comma-separated). Given on a server beyond loopback, Host is checked there too.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "NAME=VALUE",
            description = "An HTTP limit: connections (default 200), idle (30s), request (10s: a request must be "
                    + "in within this of its first byte, plus a second per body-rate bytes), body-rate (16k "
                    + "bytes/s); repeatable, also $" + HttpOptions.LIMITS_VARIABLE + " (comma-separated).")
    Map<String, String> limits = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        // set up the protocol on a second thread while this one opens the workspace and the logs
        ProtocolSetup protocol = ProtocolSetup.startInBackground(ToolCatalog.TOOL_NAMES);
        Serving serving;
        token.ifPresent(LoggingSetup::alsoMask);
        if (http.isPresent()) {
            serving = HttpOptions.serving(http.get(), token, allowedHosts, limits, System.getenv());
        } else {
            // stdout carries JSON-RPC alone: keep the real stream for the protocol, every stray print to stderr
            OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
            serving = new Serving.Stdio(System.in, protocolOut);
        }
        Workspace workspace = workspaceOption.open();
        String logHint = LoggingSetup.configure(workspace.logsDir(), System.getenv(LoggingSetup.LEVEL_VARIABLE));
        // the project's own rules (.ce/rules/) join the built-in ones, reloaded when changed with the learned rules
        // layered over them; nothing compiles here
        Optional<RuleReloader> localRules = RuleReloader.startForProject(Path.of("").toAbsolutePath(),
                ServerWiring.learnedRuleFiles(workspace));
        McpSession.run(workspace, protocol, Optional.of(DependencyRules.shared()), Optional.of(System.getenv()),
                serving, logHint);
        localRules.ifPresent(RuleReloader::close);
        return 0;
    }
}
