package dev.pce.server.github.replay;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code actions/setup-java}: this machine's JDK (the one running the tests) stands for the one asked for, which the
 * step's {@code with} records; {@code JAVA_HOME} and {@code PATH} are set for the next steps as the action sets them.
 */
final class SetupJava implements Action {
    @Override
    public String name() {
        return "actions/setup-java";
    }

    @Override
    public Map<String, String> inputs() {
        return Map.ofEntries(Map.entry("java-version", ""), Map.entry("java-version-file", ""),
                Map.entry("distribution", ""), Map.entry("java-package", "jdk"), Map.entry("architecture", ""),
                Map.entry("jdkFile", ""), Map.entry("check-latest", "false"), Map.entry("server-id", "github"),
                Map.entry("server-username", "GITHUB_ACTOR"), Map.entry("server-password", "GITHUB_TOKEN"),
                Map.entry("settings-path", ""), Map.entry("overwrite-settings", "true"),
                Map.entry("gpg-private-key", ""), Map.entry("gpg-passphrase", ""), Map.entry("cache", ""),
                Map.entry("cache-dependency-path", ""), Map.entry("job-status", ""), Map.entry("token", ""),
                Map.entry("mvn-toolchain-id", ""), Map.entry("mvn-toolchain-vendor", ""));
    }

    @Override
    public boolean replays(String ref) {
        return true;
    }

    @Override
    public void run(ActionStep step) throws StepFailure {
        if (step.input("distribution").isEmpty()) {
            throw new StepFailure("Input required and not supplied: distribution");
        }
        if (step.input("java-version").isEmpty() && step.input("java-version-file").isEmpty()) {
            throw new StepFailure("java-version or java-version-file input expected");
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        String version = Runtime.version().toString();
        step.exportedVariables.put("JAVA_HOME", javaHome.toString());
        step.exportedVariables.put("JAVA_HOME_" + Runtime.version().feature() + "_X64", javaHome.toString());
        step.addedPaths.add(javaHome.resolve("bin").toString());
        step.outputs.put("distribution", step.input("distribution"));
        step.outputs.put("version", version);
        step.outputs.put("path", javaHome.toString());
        step.outputs.put("cache-hit", "false");
        step.log("Java " + step.input("java-version") + " asked; this machine's JDK " + version + " at " + javaHome);
    }
}
