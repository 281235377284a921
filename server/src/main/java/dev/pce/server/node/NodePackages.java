package dev.pce.server.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The third-party programs the end-to-end tests and the start-up benchmark drive (the Claude Code CLI, the MCP
 * TypeScript SDK, the reference MCP server), installed from the npm registry at pinned versions into an ignored
 * cache folder on first use, so a fresh clone needs only Node.js and npm. Several JVMs may ask at once: one
 * installs, under a file lock, the others wait and reuse it.
 */
public final class NodePackages {
    /** The Claude Code CLI the suite runs: the version whose behaviour the tests and the README describe. */
    public static final String CLAUDE_CODE = "@anthropic-ai/claude-code@2.1.197";
    /** The official MCP TypeScript SDK, for its stdio and Streamable HTTP clients. */
    public static final String MCP_TYPESCRIPT_SDK = "@modelcontextprotocol/sdk@1.32.2";
    /**
     * The reference MCP server of the modelcontextprotocol project, in Node.js: {@code ce bench} times PCE's start-up
     * against it. Its program is {@code mcp-server-memory}.
     */
    public static final String SERVER_MEMORY = "@modelcontextprotocol/server-memory@2026.8.31";
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private NodePackages() {
    }

    /**
     * The npm prefix holding {@code packages} (each {@code name@version}), installed there first if needed; their
     * programs are in {@code node_modules/.bin}, their modules in {@code node_modules}.
     */
    public static Path install(String... packages) {
        Path prefix = cacheRoot().resolve(folderName(packages));
        Path done = prefix.resolve(".installed");
        if (Files.exists(done)) {
            return prefix;
        }
        try {
            Files.createDirectories(prefix);
            try (FileChannel lock = FileChannel.open(prefix.resolveSibling(prefix.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lock.lock()) {
                if (!Files.exists(done)) {
                    npmInstall(prefix, packages);
                    Files.writeString(done, String.join("\n", packages) + "\n", StandardCharsets.UTF_8);
                }
            }
            return prefix;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + String.join(", ", packages) + " into " + prefix, e);
        }
    }

    /** A program of an installed package, e.g. {@code bin(prefix, "claude")}. */
    public static Path bin(Path prefix, String program) {
        return prefix.resolve("node_modules").resolve(".bin").resolve(program);
    }

    /**
     * Makes the packages installed at {@code prefix} importable by the ES modules in {@code dir}: Node resolves a
     * bare import from the {@code node_modules} folder beside the importing file or above it ({@code NODE_PATH} is
     * for CommonJS only).
     */
    public static void linkModules(Path prefix, Path dir) throws IOException {
        Files.createSymbolicLink(dir.resolve("node_modules"), prefix.resolve("node_modules"));
    }

    /** {@code <repository>/target/npm}: ignored by git, kept across builds of the modules. */
    static Path cacheRoot() {
        return Checkout.root().resolve("target").resolve("npm");
    }

    private static String folderName(String... packages) {
        return String.join("+", packages).replace('/', '_').replace("@", "");
    }

    private static void npmInstall(Path prefix, String... packages) throws IOException {
        List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", prefix.toString(),
                "--no-audit", "--no-fund", "--no-save", "--loglevel=error"));
        command.addAll(List.of(packages));
        Path log = prefix.resolve("npm-install.log");
        Process npm;
        try {
            npm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("npm is not installed or not on the PATH (" + e.getMessage() + "). PCE installs "
                    + String.join(", ", packages) + " with it: install Node.js 20 or newer.", e);
        }
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IOException("npm install did not finish in " + INSTALL_TIMEOUT_MINUTES + " minutes; see "
                        + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing " + String.join(", ", packages), e);
        }
        if (npm.exitValue() != 0) {
            throw new IOException("npm install " + String.join(" ", packages) + " failed (exit " + npm.exitValue()
                    + "); its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
