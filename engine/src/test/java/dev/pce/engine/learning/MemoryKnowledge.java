package dev.pce.engine.learning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.knowledge.CapturedNote;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.knowledge.RelatedNote;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A knowledge store in memory, for the learning use cases' tests: vaults of notes, the own one first. "Related" is
 * plain word overlap, so a test can tell which notes a text finds. Counts the searches, since the use cases bound them.
 */
public final class MemoryKnowledge implements KnowledgeStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT);

    private final String project;
    private final boolean open;
    private final Map<String, List<KnowledgeNote>> vaults = new LinkedHashMap<>();
    public final List<NewNote> captured = new ArrayList<>();
    int searches;

    private MemoryKnowledge(String project, boolean open) {
        this.project = project;
        this.open = open;
        vaults.put(project, new ArrayList<>());
    }

    /** An open store whose own vault is {@code project}'s, with other (empty) vaults. */
    public static MemoryKnowledge of(String project, String... others) {
        MemoryKnowledge store = new MemoryKnowledge(project, true);
        Arrays.stream(others).forEach(vault -> store.vaults.put(vault, new ArrayList<>()));
        return store;
    }

    /** A store that could not be opened. */
    static MemoryKnowledge unopened() {
        return new MemoryKnowledge("never", false);
    }

    /** Adds a note to {@code vault}, as if it had been written there. */
    KnowledgeNote add(String vault, String type, String title, String body) {
        return add(vault, new NewNote(LocalDateTime.ofInstant(History.START, ZoneOffset.UTC), type + "s",
                title, type, "accepted", List.of(), List.of(), Map.of(), body));
    }

    /** Adds a note to {@code vault} as a capture there would have written it. */
    KnowledgeNote add(String vault, NewNote note) {
        List<KnowledgeNote> notes = vaults.get(vault);
        String base = note.date().format(STAMP) + "-" + note.title().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String id = base;
        for (int n = 2; ids(notes).contains(id); n++) {
            id = base + "-" + n;
        }
        return add(vault, note, id);
    }

    private KnowledgeNote add(String vault, NewNote note, String id) {
        List<KnowledgeNote> notes = vaults.get(vault);
        ObjectNode fm = Json.mapper().createObjectNode().put("id", id).put("title", note.title())
                .put("date", note.date().toString()).put("type", note.type()).put("status", note.status())
                .put("project", vault);
        note.tags().forEach(fm.withArray("tags")::add);
        note.links().forEach(fm.withArray("links")::add);
        note.extra().forEach(fm::set);
        String path = note.folder() + "/" + id + ".md";
        String uri = "pkm://note/" + (vault.equals(project) ? id : vault + "/" + id);
        KnowledgeNote stored = new KnowledgeNote(new NoteRef(vault, id, path, note.title(), uri), fm, note.body(),
                note.tags());
        notes.add(stored);
        return stored;
    }

    public List<KnowledgeNote> notes(String vault) {
        return List.copyOf(vaults.get(vault));
    }

    private static Set<String> ids(List<KnowledgeNote> notes) {
        return notes.stream().map(note -> note.note().id()).collect(Collectors.toSet());
    }

    @Override
    public boolean awaitOpen() {
        return open;
    }

    private void requireOpen() {
        if (!open) {
            throw new CeException(ErrorCode.INTERNAL, "The vaults could not be opened.", "See the log.");
        }
    }

    @Override
    public String project() {
        requireOpen();
        return project;
    }

    @Override
    public List<String> vaultNames() {
        requireOpen();
        return List.copyOf(vaults.keySet());
    }

    @Override
    public boolean isEmpty() {
        requireOpen();
        return vaults.values().stream().allMatch(List::isEmpty);
    }

    @Override
    public CapturedNote capture(NewNote note) {
        requireOpen();
        captured.add(note);
        KnowledgeNote stored = add(project, note);
        return new CapturedNote(stored.note(), true, stored.frontMatter());
    }

    @Override
    public CapturedNote captureAs(String id, NewNote note, boolean replace) {
        requireOpen();
        List<KnowledgeNote> notes = vaults.get(project);
        Optional<KnowledgeNote> existing = notes.stream().filter(n -> n.note().id().equals(id)).findFirst();
        if (existing.isPresent() && !replace) {
            throw new CeException(ErrorCode.CONFLICT, "A note already exists with the id " + id + ".", "Replace it.");
        }
        existing.ifPresent(notes::remove);
        captured.add(note);
        KnowledgeNote stored = add(project, note, id);
        return new CapturedNote(stored.note(), true, stored.frontMatter());
    }

    @Override
    public Optional<KnowledgeNote> ownNote(String path) {
        requireOpen();
        return vaults.get(project).stream().filter(note -> note.note().path().equals(path)).findFirst();
    }

    @Override
    public List<RelatedNote> related(String text, Optional<String> type, int limit) {
        requireOpen();
        searches++;
        Set<String> words = words(text);
        return all().filter(note -> type.isEmpty() || type.get().equals(note.frontMatter().path("type").asText()))
                .map(note -> new RelatedNote(note.note(), overlap(words, note)))
                .filter(related -> related.score() > 0)
                .sorted(Comparator.comparingDouble(RelatedNote::score).reversed()).limit(limit).toList();
    }

    @Override
    public List<NoteRef> titled(String type, String titleStart, int limit) {
        requireOpen();
        searches++;
        return all().filter(note -> type.equals(note.frontMatter().path("type").asText()))
                .map(KnowledgeNote::note).filter(note -> note.title().startsWith(titleStart)).limit(limit).toList();
    }

    @Override
    public List<KnowledgeNote> notesOfType(String vault, String type) {
        requireOpen();
        if (!vaults.containsKey(vault)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "There is no vault named '" + vault + "'.",
                    "Use one of " + vaultNames() + ".");
        }
        return vaults.get(vault).stream().filter(note -> type.equals(note.frontMatter().path("type").asText()))
                .toList();
    }

    private Stream<KnowledgeNote> all() {
        return vaults.values().stream().flatMap(List::stream);
    }

    private static float overlap(Set<String> words, KnowledgeNote note) {
        Set<String> noteWords = words(note.note().title() + " " + note.body());
        return words.stream().filter(noteWords::contains).count();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(word -> word.length() > 3)
                .collect(Collectors.toSet());
    }
}
