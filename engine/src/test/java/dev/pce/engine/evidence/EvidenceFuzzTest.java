package dev.pce.engine.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.testing.Fuzzing;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz target of the evidence parsers: any bytes as an evidence file, through format detection and the JUnit XML,
 * JaCoCo, Cobertura, LCOV or SARIF parser it picks, then merged.
 *
 * <p>Property: the outcome is parsed evidence or a {@link MalformedEvidenceException} saying where, what and how
 * to fix; never another exception (the reader would hide a parser's defect as a problem, so the parser is called
 * directly), never a stack overflow, and no file or network fetch for an XML DOCTYPE or entity (the corpus holds
 * XXE documents; while fuzzing, Jazzer's sanitizers watch for requests and path traversal). Two copies of a file
 * merge without error. The corpus is under
 * {@code src/test/resources/dev/pce/engine/evidence/EvidenceFuzzTestInputs}; see docs/fuzzing.md.
 */
// A hang (an input that never finishes) is a finding too: Jazzer makes this its per-input timeout.
@Timeout(30)
class EvidenceFuzzTest {
    private static final EvidenceReader READER = EvidenceReader.ofAllFormats();

    @FuzzTest
    void readsAnyFile(byte[] content) {
        ParsedFile parsed;
        try {
            parsed = EvidenceFormats.ALL.detect(content).parse("fuzz.xml", content);
        } catch (MalformedEvidenceException e) {
            assertThat(e.getMessage()).as("what, for %s", Fuzzing.hex(content)).isNotBlank();
            assertThat(e.fix()).as("fix of: %s", e.getMessage()).isNotBlank();
            assertThat(READER.parse("fuzz.xml", content)).isInstanceOf(UnreadableFile.class);
            return;
        }
        assertThat(parsed.source()).isEqualTo("fuzz.xml");
        Evidence merged = EvidenceMerger.merge(List.of(parsed, parsed));
        assertThat(merged.problems()).isEmpty();
    }
}
