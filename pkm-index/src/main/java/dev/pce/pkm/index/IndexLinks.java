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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The link graph of one indexed vault, built from the index's doc values (no note is read or parsed again) and
 * kept until the index changes. Thread-safe.
 */
public final class IndexLinks {
    private final SearchableIndex index;
    private Object builtFor;
    private LinkGraph graph;

    public IndexLinks(SearchableIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /** The graph of the notes in the index now. */
    public synchronized LinkGraph graph() {
        try (IndexLease lease = index.acquire()) {
            IndexReader reader = lease.searcher().getIndexReader();
            IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
            Object key = helper == null ? null : helper.getKey();
            if (graph == null || key == null || key != builtFor) {
                graph = LinkGraph.ofNodes(nodes(reader));
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

    private static List<LinkGraph.Node> nodes(IndexReader reader) throws IOException {
        List<LinkGraph.Node> nodes = new ArrayList<>(reader.numDocs());
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            Bits live = leaf.getLiveDocs();
            BinaryDocValues node = DocValues.getBinary(leaf, IndexFields.NODE);
            SortedSetDocValues links = DocValues.getSortedSet(leaf, IndexFields.LINKS);
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if ((live != null && !live.get(doc)) || !node.advanceExact(doc)) {
                    continue;
                }
                String[] parts = node.binaryValue().utf8ToString().split(String.valueOf(IndexFields.NODE_SEPARATOR), -1);
                List<String> targets = new ArrayList<>();
                if (links.advanceExact(doc)) {
                    for (int i = 0; i < links.docValueCount(); i++) {
                        targets.add(links.lookupOrd(links.nextOrd()).utf8ToString());
                    }
                }
                List<String> aliases = List.of(parts).subList(3, parts.length);
                nodes.add(new LinkGraph.Node(new NoteId(parts[0]), parts[1], parts[2], aliases, targets));
            }
        }
        return nodes;
    }
}
