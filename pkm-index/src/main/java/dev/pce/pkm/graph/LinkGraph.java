package dev.pce.pkm.graph;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteId;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The links between the notes of a vault, as a directed graph (JGraphT): which notes a note links to, which link
 * back to it, which stand alone, and which are related by the links they share. Immutable once built.
 *
 * <p>A link target is resolved the way Obsidian resolves it ({@link Resolver}), most exact first: a path (relative
 * to the linking note's folder, then to the vault root), the shortest unique path (a file name, or as many of its
 * last folders as tell it apart: {@code [[b/Dup]]}), then a note id, an alias, a title (the last four ignoring
 * case). A target with another file extension is an attachment (an image, a PDF) and not a note; any other target
 * that matches nothing is a dangling (unresolved) link.
 */
public final class LinkGraph {
    /** A note related to another through the notes both link to or are linked from. */
    public record Related(NoteId id, int sharedNeighbours, double jaccard) {
    }

    /** What the graph needs of a note: its id, path in the vault, title, aliases and the targets of its links. */
    public record Node(NoteId id, String path, String title, List<String> aliases, List<String> linkTargets) {
        public Node {
            aliases = List.copyOf(aliases);
            linkTargets = List.copyOf(linkTargets);
        }

        public Node(NoteId id, String path, String title, List<String> linkTargets) {
            this(id, path, title, List.of(), linkTargets);
        }

        public static Node of(Note note) {
            return new Node(note.id(), note.path(), note.title(), note.frontMatter().aliases(), note.linkTargets());
        }
    }

    /** A link whose target is no note of the vault (yet). */
    public record DanglingLink(NoteId source, String target) {
    }

    private final Graph<NoteId, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    private final Map<NoteId, List<NoteId>> outgoing = new HashMap<>();
    private final List<DanglingLink> dangling = new ArrayList<>();
    private final Map<NoteId, List<String>> unresolved = new HashMap<>();
    private final Resolver resolver;

    private LinkGraph(Resolver resolver) {
        this.resolver = resolver;
    }

    public static LinkGraph of(Collection<Note> notes) {
        return ofNodes(notes.stream().map(Node::of).toList());
    }

    public static LinkGraph ofNodes(Collection<Node> notes) {
        Resolver resolver = new Resolver(notes);
        LinkGraph links = new LinkGraph(resolver);
        notes.forEach(note -> links.graph.addVertex(note.id()));
        for (Node note : notes) {
            Set<NoteId> targets = new LinkedHashSet<>();
            for (String target : note.linkTargets()) {
                Optional<NoteId> resolved = resolver.resolve(target, note.path());
                if (resolved.isPresent()) {
                    if (!resolved.get().equals(note.id())) {
                        targets.add(resolved.get());
                    }
                } else if (!Resolver.isAttachment(target)) {
                    links.dangling.add(new DanglingLink(note.id(), target));
                    links.unresolved.computeIfAbsent(note.id(), id -> new ArrayList<>()).add(target);
                }
            }
            targets.forEach(target -> links.graph.addEdge(note.id(), target));
            links.outgoing.put(note.id(), List.copyOf(targets));
        }
        return links;
    }

    /**
     * The note a link target names ({@code [[target]]}) in the note at {@code sourcePath}, as the graph's edges
     * resolve it (the linking note's folder counts); empty: none.
     */
    public Optional<NoteId> resolve(String target, String sourcePath) {
        return resolver.resolve(target, sourcePath);
    }

    /** The notes {@code id} links to, in the order of its links; empty for an unknown id. */
    public List<NoteId> outgoing(NoteId id) {
        return outgoing.getOrDefault(id, List.of());
    }

    /** The notes that link to {@code id}, by id. */
    public List<NoteId> backlinks(NoteId id) {
        if (!graph.containsVertex(id)) {
            return List.of();
        }
        return Graphs.predecessorListOf(graph, id).stream().sorted().toList();
    }

    /** Notes that link nowhere and that nothing links to, by id. */
    public List<NoteId> orphans() {
        return graph.vertexSet().stream().filter(id -> graph.degreeOf(id) == 0).sorted().toList();
    }

    /** The targets of {@code id}'s links that name no note of the vault (attachments aside), in link order. */
    public List<String> unresolved(NoteId id) {
        return List.copyOf(unresolved.getOrDefault(id, List.of()));
    }

    /** Links to no note of the vault, in the order of their notes. */
    public List<DanglingLink> dangling() {
        return List.copyOf(dangling);
    }

    /**
     * Notes related to {@code id}: those sharing the most neighbours (notes linked to or from either), best first;
     * ties by the Jaccard index of the two neighbourhoods, then by id. The note itself is never among them.
     */
    public List<Related> related(NoteId id, int limit) {
        if (!graph.containsVertex(id) || limit <= 0) {
            return List.of();
        }
        Set<NoteId> mine = neighbours(id);
        Set<NoteId> candidates = new TreeSet<>();
        mine.forEach(neighbour -> candidates.addAll(neighbours(neighbour)));
        candidates.remove(id);
        List<Related> related = new ArrayList<>();
        for (NoteId candidate : candidates) {
            Set<NoteId> theirs = neighbours(candidate);
            int shared = (int) theirs.stream().filter(mine::contains).count();
            if (shared > 0) {
                int union = mine.size() + theirs.size() - shared;
                related.add(new Related(candidate, shared, (double) shared / union));
            }
        }
        related.sort(Comparator.comparingInt(Related::sharedNeighbours).reversed()
                .thenComparing(Comparator.comparingDouble(Related::jaccard).reversed())
                .thenComparing(Related::id));
        return List.copyOf(related.subList(0, Math.min(limit, related.size())));
    }

    private Set<NoteId> neighbours(NoteId id) {
        return new TreeSet<>(Graphs.neighborListOf(graph, id));
    }

    /**
     * Finds the note a link target names, as Obsidian does, most exact first:
     * <ol>
     *   <li>a path: relative to the linking note's folder ({@code ./x}, {@code ../y/x} or a plain {@code x}), then
     *       from the vault root, with or without {@code .md};</li>
     *   <li>a path suffix, ignoring case: the notes whose path ends in the target at a folder boundary ({@code Dup}
     *       finds {@code a/Dup.md} and {@code b/Dup.md}, {@code b/Dup} only the second). When several do, the
     *       one in the linking note's folder wins, else the shortest path, then the first in path order (Obsidian
     *       also takes the closest, then the shortest);</li>
     *   <li>a note id (front matter {@code id}), exact then ignoring case;</li>
     *   <li>an alias (front matter {@code aliases}), then a title, ignoring case.</li>
     * </ol>
     */
    private static final class Resolver {
        private final Map<String, List<Node>> byFileName = new HashMap<>();
        private final Map<String, Node> byPath = new HashMap<>();
        private final Map<String, NoteId> byId = new HashMap<>();
        private final Map<String, NoteId> byIdIgnoringCase = new HashMap<>();
        private final Map<String, NoteId> byAlias = new HashMap<>();
        private final Map<String, NoteId> byTitle = new HashMap<>();

        Resolver(Collection<Node> notes) {
            List<Node> inPathOrder = notes.stream().sorted(Comparator.comparing(Node::path)).toList();
            for (Node note : inPathOrder) {
                String stem = lower(withoutMd(note.path()));
                byPath.putIfAbsent(stem, note);
                byFileName.computeIfAbsent(stem.substring(stem.lastIndexOf('/') + 1), k -> new ArrayList<>())
                        .add(note);
                byId.putIfAbsent(note.id().value(), note.id());
                byIdIgnoringCase.putIfAbsent(lower(note.id().value()), note.id());
                note.aliases().forEach(alias -> byAlias.putIfAbsent(lower(alias), note.id()));
                byTitle.putIfAbsent(lower(note.title()), note.id());
            }
        }

        Optional<NoteId> resolve(String target, String sourcePath) {
            String name = lower(withoutMd(target));
            String folder = folderOf(sourcePath);
            Optional<Node> found = exactPath(folder, name).or(() -> suffix(name, folder));
            if (found.isPresent()) {
                return found.map(Node::id);
            }
            return Optional.ofNullable(byId.get(withoutMd(target)))
                    .or(() -> Optional.ofNullable(byIdIgnoringCase.get(name)))
                    .or(() -> Optional.ofNullable(byAlias.get(lower(target))))
                    .or(() -> Optional.ofNullable(byTitle.get(lower(target))));
        }

        private Optional<Node> exactPath(String folder, String name) {
            Optional<String> relative = normalize(folder.isEmpty() ? name : folder + "/" + name);
            return relative.map(byPath::get).or(() -> normalize(name).map(byPath::get));
        }

        private Optional<Node> suffix(String name, String folder) {
            if (name.startsWith("./") || name.startsWith("../") || name.startsWith("/")) {
                return Optional.empty();
            }
            List<Node> sameName = byFileName.getOrDefault(name.substring(name.lastIndexOf('/') + 1), List.of());
            return sameName.stream()
                    .filter(node -> {
                        String stem = lower(withoutMd(node.path()));
                        return stem.equals(name) || stem.endsWith("/" + name);
                    })
                    .min(Comparator.comparing((Node node) -> !folderOf(node.path()).equals(folder))
                            .thenComparingInt(node -> node.path().length())
                            .thenComparing(Node::path));
        }

        /** {@code a/./b/../c} as {@code a/c}; empty when it climbs above the vault root. */
        private static Optional<String> normalize(String path) {
            List<String> parts = new ArrayList<>();
            for (String part : path.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (parts.isEmpty()) {
                        return Optional.empty();
                    }
                    parts.removeLast();
                } else {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
        }

        private static String folderOf(String path) {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "" : lower(path.substring(0, slash));
        }

        private static String withoutMd(String text) {
            return text.regionMatches(true, text.length() - 3, ".md", 0, 3) ? text.substring(0, text.length() - 3)
                    : text;
        }

        /** {@code chart.png}, {@code spec.pdf}: a file extension other than {@code .md} (letters, 1-5 long). */
        static boolean isAttachment(String target) {
            int dot = target.lastIndexOf('.');
            if (dot <= target.lastIndexOf('/')) {
                return false;
            }
            String extension = target.substring(dot + 1);
            return extension.matches("[A-Za-z0-9]{1,5}") && extension.chars().anyMatch(Character::isLetter)
                    && !extension.equalsIgnoreCase("md");
        }

        private static String lower(String text) {
            return text.toLowerCase(Locale.ROOT);
        }
    }
}
