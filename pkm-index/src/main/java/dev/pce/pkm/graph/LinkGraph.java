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
 * <p>A link target is resolved the way Obsidian resolves it, most exact first: a note id, the same id in another
 * case, a file name without {@code .md}, then a title (ignoring case). A target with another file extension is an
 * attachment (an image, a PDF) and not a note; any other target that matches nothing is a dangling link.
 */
public final class LinkGraph {
    /** A note related to another through the notes both link to or are linked from. */
    public record Related(NoteId id, int sharedNeighbours, double jaccard) {
    }

    /** What the graph needs of a note: its id, its path in the vault, its title and the targets of its links. */
    public record Node(NoteId id, String path, String title, List<String> linkTargets) {
        public Node {
            linkTargets = List.copyOf(linkTargets);
        }

        public static Node of(Note note) {
            return new Node(note.id(), note.path(), note.title(), note.linkTargets());
        }
    }

    /** A link whose target is no note of the vault (yet). */
    public record DanglingLink(NoteId source, String target) {
    }

    private final Graph<NoteId, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    private final Map<NoteId, List<NoteId>> outgoing = new HashMap<>();
    private final List<DanglingLink> dangling = new ArrayList<>();
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
                Optional<NoteId> resolved = resolver.resolve(target);
                if (resolved.isPresent()) {
                    if (!resolved.get().equals(note.id())) {
                        targets.add(resolved.get());
                    }
                } else if (!Resolver.isAttachment(target)) {
                    links.dangling.add(new DanglingLink(note.id(), target));
                }
            }
            targets.forEach(target -> links.graph.addEdge(note.id(), target));
            links.outgoing.put(note.id(), List.copyOf(targets));
        }
        return links;
    }

    /** The note a link target names ({@code [[target]]}), as the graph's edges resolve it; empty: none. */
    public Optional<NoteId> resolve(String target) {
        return resolver.resolve(target);
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

    /** Finds the note a link target names. */
    private static final class Resolver {
        private final Map<String, NoteId> byId = new HashMap<>();
        private final Map<String, NoteId> byIdIgnoringCase = new HashMap<>();
        private final Map<String, NoteId> byFileName = new HashMap<>();
        private final Map<String, NoteId> byTitle = new HashMap<>();

        Resolver(Collection<Node> notes) {
            for (Node note : notes) {
                byId.putIfAbsent(note.id().value(), note.id());
                byIdIgnoringCase.putIfAbsent(lower(note.id().value()), note.id());
                String fileName = note.path().substring(note.path().lastIndexOf('/') + 1);
                byFileName.putIfAbsent(lower(fileName.endsWith(".md")
                        ? fileName.substring(0, fileName.length() - 3) : fileName), note.id());
                byTitle.putIfAbsent(lower(note.title()), note.id());
            }
        }

        Optional<NoteId> resolve(String target) {
            String name = target.endsWith(".md") ? target.substring(0, target.length() - 3) : target;
            name = name.substring(name.lastIndexOf('/') + 1);
            NoteId found = byId.get(name);
            if (found == null) {
                found = byIdIgnoringCase.get(lower(name));
            }
            if (found == null) {
                found = byFileName.get(lower(name));
            }
            if (found == null) {
                found = byTitle.get(lower(target));
            }
            return Optional.ofNullable(found);
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
