package dev.pce.server.github.replay;

import java.util.Map;

/** {@code actions/setup-node}: a no-op, this machine's Node.js is used; the step's {@code with} records the version. */
final class SetupNode implements Action {
    @Override
    public String name() {
        return "actions/setup-node";
    }

    @Override
    public Map<String, String> inputs() {
        return Map.ofEntries(Map.entry("node-version", ""), Map.entry("node-version-file", ""),
                Map.entry("architecture", ""), Map.entry("check-latest", "false"), Map.entry("token", ""),
                Map.entry("cache", ""), Map.entry("package-manager-cache", "true"),
                Map.entry("cache-dependency-path", ""), Map.entry("registry-url", ""), Map.entry("scope", ""),
                Map.entry("always-auth", "false"), Map.entry("mirror", ""), Map.entry("mirror-token", ""));
    }

    @Override
    public boolean replays(String ref) {
        return true;
    }

    @Override
    public void run(ActionStep step) {
        step.log("Node.js " + step.input("node-version") + " asked; this machine's Node.js is used");
    }
}
