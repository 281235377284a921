package dev.pce.engine.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.ProcessLocks;
import dev.pce.engine.Json;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The learned patterns of a workspace in one JSON file, {@code <workspace>/learning/patterns.json}:
 * <pre>{"format": 1, "version": 7, "patterns": [{"type": "estimate_bias", "pattern": {...}}, ...],
 *  "learned_from": {"wf-1": [{"type": "estimate_bias", "pattern": {...}}], ...}}</pre>
 * {@code learned_from} keeps what each workflow contributed, so learning it again replaces its contribution
 * instead of adding it twice (and changes nothing when the workflow taught the same). Every save increments
 * {@code version}. A save is a read-modify-write under a lock (a lock file for other
 * processes, an in-process lock for other threads, since one JVM cannot hold two file locks on one file), and the
 * new content replaces the old by an atomic move, so readers never see half a file.
 */
public final class PatternStore {
    public static final String RELATIVE_PATH = "learning/patterns.json";
    public static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();
    private static final Map<String, Class<? extends Pattern>> TYPES = Map.of(
            "estimate_bias", Pattern.EstimateBias.class,
            "review_requirement", Pattern.ReviewRequirement.class,
            "gate_threshold", Pattern.GateThreshold.class,
            "escalation_preference", Pattern.EscalationPreference.class);

    private final Path file;

    public PatternStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The store of the workspace directory {@code workspace} (.ce-workspace). */
    public static PatternStore inWorkspace(Path workspace) {
        return new PatternStore(workspace.resolve(RELATIVE_PATH));
    }

    /** What a save left: its version (0 before the first save) and the patterns. */
    public record Stored(long version, PatternSet patterns) {
    }

    /**
     * What learning from one workflow left in the store.
     *
     * @param unchanged the workflow taught nothing, or the same as when it was learned before: nothing was saved
     */
    public record Learned(Stored stored, boolean unchanged) {
    }

    /** The whole file: the patterns and what each workflow contributed to them. */
    private record Content(Stored stored, Map<String, List<Pattern>> learnedFrom) {
    }

    public Path file() {
        return file;
    }

    /** The stored patterns; version 0 and none when the file does not exist yet. */
    public Stored read() {
        return content().stored();
    }

    private Content content() {
        if (!Files.exists(file)) {
            return new Content(new Stored(0, PatternSet.empty()), Map.of());
        }
        try {
            return decode(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw unreadable("is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Merges a workflow's own patterns into the store ({@link PatternSet#mergeLocal}); returns what was saved. */
    public Stored mergeLocal(List<? extends Pattern> learned) {
        return update(content -> new Content(new Stored(0, content.stored().patterns().mergeLocal(learned)),
                content.learnedFrom())).stored();
    }

    /**
     * Merges what {@code workflowId} taught ({@code learned}, its own local patterns) into the store, once: what an
     * earlier learning of the same workflow contributed is withdrawn first ({@link PatternSet#withdraw}), and when
     * it taught exactly this before, nothing is saved.
     */
    public Learned learnFrom(String workflowId, List<? extends Pattern> learned) {
        List<Pattern> taught = List.copyOf(learned);
        Update update = updateUnless(content -> {
            List<Pattern> before = content.learnedFrom().getOrDefault(workflowId, List.of());
            if (before.equals(taught)) {
                return Optional.empty();
            }
            Map<String, List<Pattern>> learnedFrom = new TreeMap<>(content.learnedFrom());
            if (taught.isEmpty()) {
                learnedFrom.remove(workflowId);
            } else {
                learnedFrom.put(workflowId, taught);
            }
            return Optional.of(new Content(new Stored(0, content.stored().patterns().withdraw(before)
                    .mergeLocal(taught)), learnedFrom));
        });
        return new Learned(update.content().stored(), !update.saved());
    }

    /** Brings in another project's patterns ({@link PatternSet#importFrom}); returns what was saved. */
    public Stored importFrom(List<? extends Pattern> imported) {
        return update(content -> new Content(new Stored(0, content.stored().patterns().importFrom(imported)),
                content.learnedFrom())).stored();
    }

    private Content update(UnaryOperator<Content> change) {
        return updateUnless(content -> Optional.of(change.apply(content))).content();
    }

    /** The content after an update, and whether it was saved. */
    private record Update(Content content, boolean saved) {
    }

    /** Saves what {@code change} makes of the content (its version one higher); nothing when it makes nothing. */
    private Update updateUnless(Function<Content, Optional<Content>> change) {
        ReentrantLock threadLock = IN_PROCESS_LOCKS.computeIfAbsent(file, path -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ProcessLocks.lock(channel)) {
                Content current = content();
                Optional<Content> changed = change.apply(current);
                if (changed.isEmpty()) {
                    return new Update(current, false);
                }
                Content next = new Content(new Stored(current.stored().version() + 1,
                        changed.get().stored().patterns()), changed.get().learnedFrom());
                write(next);
                return new Update(next, true);
            }
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot save the learned patterns to " + file + ": " + e.getMessage(),
                    "Check that the directory exists and is writable, and that the disk is not full.", e);
        } finally {
            threadLock.unlock();
        }
    }

    private void write(Content content) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", content.stored().version());
        encode(root.putArray("patterns"), content.stored().patterns().patterns());
        if (!content.learnedFrom().isEmpty()) {
            ObjectNode learnedFrom = root.putObject("learned_from");
            content.learnedFrom().forEach((workflow, patterns) -> encode(learnedFrom.putArray(workflow), patterns));
        }
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void encode(ArrayNode array, List<Pattern> patterns) {
        for (Pattern pattern : patterns) {
            ObjectNode entry = array.addObject();
            entry.put("type", typeOf(pattern));
            entry.set("pattern", MAPPER.valueToTree(pattern));
        }
    }

    private Content decode(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw unreadable("is not a JSON object");
        }
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw unreadable("has format " + root.path("format") + "; this PCE reads format " + FORMAT);
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToLong() || version.asLong() < 0) {
            throw unreadable("has no version number");
        }
        List<Pattern> patterns = decode(root.path("patterns"), "pattern ");
        Map<String, List<Pattern>> learnedFrom = new TreeMap<>();
        root.path("learned_from").properties().forEach(workflow -> learnedFrom.put(workflow.getKey(),
                decode(workflow.getValue(), "pattern learned from " + workflow.getKey() + " at ")));
        return new Content(new Stored(version.asLong(), new PatternSet(patterns)), learnedFrom);
    }

    private List<Pattern> decode(JsonNode entries, String what) {
        List<Pattern> patterns = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : entries) {
            String where = what + index++;
            Class<? extends Pattern> type = TYPES.get(entry.path("type").asText());
            if (type == null) {
                continue; // a pattern type of a newer PCE: kept out of this version's decisions
            }
            if (type == Pattern.GateThreshold.class && !entry.path("pattern").has("project_type")) {
                continue; // a threshold of an older PCE, for no project type: none was ever learned, only planted
            }
            try {
                patterns.add(MAPPER.treeToValue(entry.get("pattern"), type));
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                throw unreadable("has an unreadable " + where + " (" + e.getMessage().lines().findFirst().orElse("")
                        + ")");
            }
        }
        return patterns;
    }

    private static String typeOf(Pattern pattern) {
        return switch (pattern) {
            case Pattern.EstimateBias bias -> "estimate_bias";
            case Pattern.ReviewRequirement requirement -> "review_requirement";
            case Pattern.GateThreshold gate -> "gate_threshold";
            case Pattern.EscalationPreference preference -> "escalation_preference";
        };
    }

    private CeException unreadable(String problem) {
        return new CeException(ErrorCode.IO, "The learned patterns file " + file + " " + problem + ".",
                "Restore it from a backup, or move it away to start learning afresh (the workflows' event logs "
                        + "are untouched).");
    }
}
