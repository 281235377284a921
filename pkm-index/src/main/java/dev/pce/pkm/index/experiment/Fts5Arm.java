package dev.pce.pkm.index.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The baseline: the same notes in a plain SQLite FTS5 table (title and body columns, the default tokenizer),
 * ranked by FTS5's built-in {@code bm25()} with its default weights, the query's words ORed, as a person would set
 * it up in a few lines.
 */
public final class Fts5Arm implements SearchArm {

    @Override
    public String name() {
        return "FTS5";
    }

    @Override
    public Ranker index(SearchCollection collection, Path workDir) throws IOException {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
            try (Statement create = db.createStatement()) {
                create.execute("CREATE VIRTUAL TABLE notes USING fts5(path UNINDEXED, title, body)");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO notes(path, title, body) VALUES (?, ?, ?)")) {
                for (EvalNote note : collection.notes()) {
                    insert.setString(1, note.path());
                    insert.setString(2, note.title());
                    insert.setString(3, note.body());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new Fts5Ranker(db);
        } catch (SQLException e) {
            throw new IOException("Cannot build the SQLite FTS5 table: " + e.getMessage(), e);
        }
    }

    /** The words of {@code text} as an FTS5 query: each a quoted string, any of them matching. */
    static String matchAny(String text) {
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> '"' + word.replace("\"", "\"\"") + '"')
                .collect(Collectors.joining(" OR "));
    }

    private record Fts5Ranker(Connection db) implements Ranker {

        @Override
        public List<String> top(String text, int limit) throws IOException {
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT path FROM notes WHERE notes MATCH ? ORDER BY bm25(notes) LIMIT ?")) {
                query.setString(1, matchAny(text));
                query.setInt(2, limit);
                List<String> paths = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        paths.add(rows.getString(1));
                    }
                }
                return paths;
            } catch (SQLException e) {
                throw new IOException("FTS5 query failed for '" + text + "': " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                db.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
