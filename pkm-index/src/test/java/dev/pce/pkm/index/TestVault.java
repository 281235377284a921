package dev.pce.pkm.index;

import dev.pce.pkm.vault.Vault;
import dev.pce.testing.TestFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

/** Writes note files into a temporary vault for index tests. */
final class TestVault {
    private final Path root;
    /** Each write gets a later mtime, so quick successive edits of one size are never mistaken for unchanged. */
    private long clock = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    TestVault(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Vault vault() {
        return Vault.open(root);
    }

    /** Writes a note with front matter; {@code date} and the others may be null to leave them out. */
    Path note(String path, String title, String type, String project, List<String> tags, String date, String body) {
        StringBuilder md = new StringBuilder("---\ntitle: ").append(title).append('\n');
        if (type != null) {
            md.append("type: ").append(type).append('\n');
        }
        if (project != null) {
            md.append("project: ").append(project).append('\n');
        }
        if (!tags.isEmpty()) {
            md.append("tags: [").append(String.join(", ", tags)).append("]\n");
        }
        if (date != null) {
            md.append("date: ").append(date).append('\n');
        }
        md.append("---\n").append(body).append('\n');
        return write(path, md.toString());
    }

    Path write(String path, String content) {
        Path file = TestFiles.write(root.resolve(path), content);
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(++clock)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    void delete(String path) {
        try {
            Files.delete(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
