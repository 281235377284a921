package dev.pce.server.github.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code actions/cache/save@v4}: the files {@code path} matches saved as the entry {@code key}. An entry is never
 * replaced: saving a key that exists, or paths that match nothing, is a warning and saves nothing.
 */
final class CacheSave extends CacheAction {
    @Override
    public String name() {
        return "actions/cache/save";
    }

    @Override
    public Map<String, String> inputs() {
        return Map.of("path", "", "key", "", "upload-chunk-size", "", "enableCrossOsArchive", "false");
    }

    @Override
    void run(ActionStep step, String key, ActionsCache cache) throws Exception {
        if (cache.has(key)) {
            step.annotations.add(Annotation.warning("Failed to save: Unable to reserve cache with key " + key
                    + ", another job may be creating this cache."));
            return;
        }
        List<Path> files = GlobSearch.of(step.workspace, step.input("path")).files(true);
        if (files.isEmpty()) {
            step.annotations.add(Annotation.warning("Path Validation Error: Path(s) specified in the action for "
                    + "caching do(es) not exist, hence no cache is being saved."));
            return;
        }
        for (Path file : files) {
            if (!file.startsWith(step.workspace)) {
                throw new StepFailure("caching " + file + ", outside the workspace, is not replayed");
            }
        }
        cache.save(key, files, step.workspace);
        step.log("Cache saved with key: " + key);
    }
}
