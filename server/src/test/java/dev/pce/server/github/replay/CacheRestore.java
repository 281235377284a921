package dev.pce.server.github.replay;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code actions/cache/restore@v4}: the entry of {@code key}, else the newest whose key starts with one of
 * {@code restore-keys} (in order), copied into the workspace; outputs {@code cache-hit} (an exact match),
 * {@code cache-primary-key} and {@code cache-matched-key}. A miss is no failure unless {@code fail-on-cache-miss}.
 */
final class CacheRestore extends CacheAction {
    @Override
    public String name() {
        return "actions/cache/restore";
    }

    @Override
    public Map<String, String> inputs() {
        return Map.of("path", "", "key", "", "restore-keys", "", "enableCrossOsArchive", "false",
                "fail-on-cache-miss", "false", "lookup-only", "false");
    }

    @Override
    void run(ActionStep step, String key, ActionsCache cache) throws Exception {
        List<String> restoreKeys = step.input("restore-keys").lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        Optional<String> matched = cache.match(key, restoreKeys);
        step.outputs.put("cache-primary-key", key);
        if (matched.isEmpty()) {
            String message = "Cache not found for input keys: " + String.join(", ", prepend(key, restoreKeys));
            if (step.booleanInput("fail-on-cache-miss")) {
                throw new StepFailure("Failed to restore cache entry. Exiting as fail-on-cache-miss is set. "
                        + "Input key: " + key);
            }
            step.log(message);
            step.outputs.put("cache-hit", "false");
            return;
        }
        if (!step.booleanInput("lookup-only")) {
            cache.restore(matched.get(), step.workspace);
        }
        step.outputs.put("cache-hit", Boolean.toString(matched.get().equals(key)));
        step.outputs.put("cache-matched-key", matched.get());
        step.log("Cache restored from key: " + matched.get());
    }

    private static List<String> prepend(String key, List<String> restoreKeys) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(key), restoreKeys.stream()).toList();
    }
}
