package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.graph.LinkGraph;
import dev.pce.pkm.note.NoteId;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The link graph of one indexed vault, built from the index's doc values (no note is read or parsed again) and
 * kept until the index changes. Building the graph costs time in proportion to the vault (about a second at 100,000
 * notes), so a change is followed without it where possible: the nodes of a segment are decoded once and kept while
 * the segment lives, and when the nodes (id, path, title, aliases, link targets) are as before, as after an edit of a note's
 * body, the graph is kept as it is. Search hits need not wait for a rebuild ({@link #graphWithin}). Thread-safe.
 */
public final class IndexLinks {
    private final SearchableIndex index;
    /** Builds graphs off the caller's thread; its one thread ends when idle. */
    private final ThreadPoolExecutor builder;
    private volatile Object builtFor;
    /** The nodes the graph was built of; their order in the index does not matter but for ties of names. */
    private Set<LinkGraph.Node> builtFrom = Set.of();
    private volatile LinkGraph graph;
    /** The decoded nodes of each segment by its core (the part that never changes), with their doc numbers. */
    private Map<Object, SegmentNodes> segments = new HashMap<>();
    private Future<?> building;

    private record SegmentNodes(int[] docs, List<LinkGraph.Node> nodes) {
    }

    /** A graph, and whether it is that of the index as the caller saw it or an older one still in use. */
    public record Snapshot(LinkGraph graph, boolean current) {
    }

    public IndexLinks(SearchableIndex index) {
        this.index = Objects.requireNonNull(index, "index");
        this.builder = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> Thread.ofPlatform().daemon().name("pce-link-graph-" + index.vaultName()).unstarted(task));
    }

    /** The graph of the notes in the index now; built first if the index changed (which may take a while). */
    public LinkGraph graph() {
        try (IndexLease lease = index.acquire()) {
            return graphOf(lease.searcher().getIndexReader());
        }
    }

    /**
     * The graph for showing links beside search hits: that of the index now if it is ready within {@code wait},
     * else the one built last (not current), while the current one is built in the background. The first graph is
     * always waited for.
     */
    public Snapshot graphWithin(Duration wait) {
        Object key;
        try (IndexLease lease = index.acquire()) {
            key = keyOf(lease.searcher().getIndexReader());
            LinkGraph built = graph;
            if (built == null || key == null) {
                return new Snapshot(graphOf(lease.searcher().getIndexReader()), true);
            }
            if (key == builtFor) {
                return new Snapshot(built, true);
            }
        }
        Future<?> build = buildInBackground();
        try {
            build.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // answer with the graph there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
        LinkGraph built = graph;
        return new Snapshot(built, key == builtFor);
    }

    /** Starts building the graph of the index now on the builder's thread, unless a build is under way. */
    public void refreshInBackground() {
        buildInBackground();
    }

    /** A build of the newest graph on the builder's thread, or the one already under way. */
    private synchronized Future<?> buildInBackground() {
        if (building == null || building.isDone()) {
            building = builder.submit(() -> {
                graph();
            });
        }
        return building;
    }

    private synchronized LinkGraph graphOf(IndexReader reader) {
        Object key = keyOf(reader);
        try {
            if (graph == null || key == null || key != builtFor) {
                List<LinkGraph.Node> nodes = nodes(reader);
                if (graph == null || nodes.size() != builtFrom.size() || !builtFrom.containsAll(nodes)) {
                    graph = LinkGraph.ofNodes(nodes);
                    builtFrom = new HashSet<>(nodes);
                }
                builtFor = key;
            }
            return graph;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Every note in the index now, as the link graph sees it (for a graph of the vault as it will be). */
    public List<LinkGraph.Node> nodes() {
        try (IndexLease lease = index.acquire()) {
            return nodes(lease.searcher().getIndexReader());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private CeException unreadable(IOException e) {
        return new CeException(ErrorCode.IO, "Cannot read the links of the vault '" + index.vaultName()
                + "' from its index: " + e.getMessage(),
                "Rebuild the index with 'ce index --rebuild'; it is a cache of the vault.", e);
    }

    private static Object keyOf(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        return helper == null ? null : helper.getKey();
    }

    /** The live nodes of every segment, in index order; segments decoded before are not decoded again. */
    private synchronized List<LinkGraph.Node> nodes(IndexReader reader) throws IOException {
        List<LinkGraph.Node> nodes = new ArrayList<>(reader.numDocs());
        Map<Object, SegmentNodes> seen = new HashMap<>();
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            IndexReader.CacheHelper core = leaf.getCoreCacheHelper();
            Object coreKey = core == null ? null : core.getKey();
            SegmentNodes segment = coreKey == null ? null : segments.get(coreKey);
            if (segment == null) {
                segment = decode(leaf);
            }
            if (coreKey != null) {
                seen.put(coreKey, segment);
            }
            Bits live = leaf.getLiveDocs();
            for (int i = 0; i < segment.docs().length; i++) {
                if (live == null || live.get(segment.docs()[i])) {
                    nodes.add(segment.nodes().get(i));
                }
            }
        }
        segments = seen; // segments merged away are forgotten
        return nodes;
    }

    private static SegmentNodes decode(LeafReader leaf) throws IOException {
        BinaryDocValues node = DocValues.getBinary(leaf, IndexFields.NODE);
        SortedSetDocValues links = DocValues.getSortedSet(leaf, IndexFields.LINKS);
        int[] docs = new int[leaf.maxDoc()];
        List<LinkGraph.Node> nodes = new ArrayList<>();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            if (!node.advanceExact(doc)) {
                continue;
            }
            String[] parts = node.binaryValue().utf8ToString().split(String.valueOf(IndexFields.NODE_SEPARATOR), -1);
            List<String> targets = new ArrayList<>();
            if (links.advanceExact(doc)) {
                for (int i = 0; i < links.docValueCount(); i++) {
                    targets.add(links.lookupOrd(links.nextOrd()).utf8ToString());
                }
            }
            docs[nodes.size()] = doc;
            List<String> aliases = List.of(parts).subList(3, parts.length);
            nodes.add(new LinkGraph.Node(new NoteId(parts[0]), parts[1], parts[2], aliases, targets));
        }
        return new SegmentNodes(Arrays.copyOf(docs, nodes.size()), nodes);
    }
}
