package dev.pce.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileDamageTest {
    @TempDir
    Path dir;

    @Test
    void lineStartIsTheOffsetAfterThePreviousLinesNewline() throws IOException {
        Path file = TestFiles.write(dir.resolve("a/b/log.jsonl"), "one\ntwo\nthree\n");

        assertThat(FileDamage.lineStart(file, 1)).isZero();
        assertThat(FileDamage.lineStart(file, 2)).isEqualTo(4);
        assertThat(FileDamage.lineStart(file, 3)).isEqualTo(8);
        assertThatThrownBy(() -> FileDamage.lineStart(file, 5)).isInstanceOf(AssertionError.class)
                .hasMessage(file + " has fewer than 5 lines");
    }

    @Test
    void cutShortensTheFileInPlace() throws IOException {
        Path file = TestFiles.write(dir.resolve("log.jsonl"), "one\ntwo\n");
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        FileDamage.cut(file, FileDamage.lineStart(file, 2) + 1);

        assertThat(file).hasContent("one\nt");
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).as("the same file")
                .isEqualTo(before);
    }
}
