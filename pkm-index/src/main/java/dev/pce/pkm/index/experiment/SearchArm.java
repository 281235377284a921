package dev.pce.pkm.index.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of ranking notes for a search text, compared with the others on the same collections. A new arm is one
 * class and one entry in the list the command runs ({@link SearchArms#ALL}).
 */
public interface SearchArm {

    /** The arm's name in the results table. */
    String name();

    /** Indexes the collection's notes (scratch files go under {@code workDir}) and returns its ranker. */
    Ranker index(SearchCollection collection, Path workDir) throws IOException;

    /** Answers searches over one indexed collection. */
    interface Ranker extends AutoCloseable {

        /** The paths of the first {@code limit} notes for {@code text}, best first. */
        List<String> top(String text, int limit) throws IOException;

        @Override
        void close() throws IOException;
    }
}
