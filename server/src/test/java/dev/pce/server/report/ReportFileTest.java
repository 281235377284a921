package dev.pce.server.report;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out/report.html");

        ReportFile.write(target, "first");
        Path written = ReportFile.write(target, "second");

        assertThat(written).isEqualTo(target.toAbsolutePath());
        assertThat(Files.readString(target)).isEqualTo("second");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aDirectoryIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ReportFile.write(dir, "x")).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("is a directory");
            assertThat(e.fix()).contains("report.html");
        });
    }
}
