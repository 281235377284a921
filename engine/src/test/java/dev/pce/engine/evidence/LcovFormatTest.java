package dev.pce.engine.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;

import static dev.pce.engine.evidence.Samples.bytes;
import static dev.pce.engine.evidence.Samples.malformed;
import static dev.pce.engine.evidence.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class LcovFormatTest {
    private static final LcovFormat LCOV = new LcovFormat();

    @Test
    void sumsTotalsOfOneRecordAndCountedLinesOfTheOther() throws Exception {
        CoverageResults results = LCOV.parse("lcov.info", bytes(Samples.LCOV));

        // record 1: LF 8 / LH 6, BRF 4 / BRH 1; record 2 has no totals: 4 DA lines, 3 hit; 2 BRDA, 1 taken
        assertThat(results.lines()).isEqualTo(new Coverage.Counted(9, 12));
        assertThat(results.branches()).contains(new Coverage.Counted(2, 6));
    }

    @Test
    void aTracefileWithoutBranchesHasNoBranchCoverage() throws Exception {
        CoverageResults results = LCOV.parse("a.lcov", utf8("SF:a.c\nDA:1,1\nDA:2,0\nend_of_record\n"));

        assertThat(results.lines().percent()).isEqualTo(50.0);
        assertThat(results.branches()).isEqualTo(Optional.empty());
    }

    @Test
    void windowsLineEndsAndUnknownKeysAreFine() throws Exception {
        String lcov = "VER:2.0\r\nTN:unit\r\nSF:C:\\src\\a.c\r\nFNL:0,3,5\r\nFNA:0,1,main\r\nDA:3,1,ab12\r\n"
                + "LF:1\r\nLH:1\r\nend_of_record\r\n";
        assertThat(LCOV.parse("a.lcov", utf8(lcov)).lines()).isEqualTo(new Coverage.Counted(1, 1));
    }

    @Test
    void aBadNumberIsMalformedWithItsLine() {
        String lcov = "TN:\nSF:a.c\nDA:1,1\nDA:2,lots\nend_of_record\n";
        assertThat(malformed(() -> LCOV.parse("a.lcov", utf8(lcov))).describe())
                .startsWith("line 4: the hit count in DA is 'lots', not a whole number of zero or more. Fix:");
    }

    @Test
    void aCutOffRecordIsMalformed() {
        String lcov = "SF:a.c\nDA:1,1\nend_of_record\nSF:b.c\nDA:1,1\n";
        assertThat(malformed(() -> LCOV.parse("a.lcov", utf8(lcov))).describe())
                .contains("end of file: the record for b.c has no end_of_record, so the file was cut off");
    }

    @Test
    void structuralMistakesAreMalformed() {
        assertThat(malformed(() -> LCOV.parse("a", utf8("SF:a.c\nSF:b.c\nend_of_record\n"))).getMessage())
                .isEqualTo("SF:b.c starts a record before the record for a.c ended");
        assertThat(malformed(() -> LCOV.parse("a", utf8("TN:\nDA:1,1\n"))).getMessage())
                .isEqualTo("DA: outside a record");
        assertThat(malformed(() -> LCOV.parse("a", utf8("TN:\nend_of_record\n"))).getMessage())
                .isEqualTo("end_of_record without an SF line before it");
        assertThat(malformed(() -> LCOV.parse("a", utf8("SF:a.c\nLF:2\nLH:3\nend_of_record\n"))).getMessage())
                .isEqualTo("the record for a.c has LH 3 above LF 2");
        assertThat(malformed(() -> LCOV.parse("a", utf8("TN:\n"))).getMessage())
                .contains("has no SF ... end_of_record record");
        assertThat(malformed(() -> LCOV.parse("a", utf8("SF:a.c\nend_of_record\n"))).getMessage())
                .contains("measured no code");
    }

    static LongStream seeds() {
        return LongStream.range(0, 25).map(i -> 0x1C0F_0000L + i);
    }

    /** Property: with or without LF/LH totals, the coverage is the generated DA lines' hits. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void coverageIsTheGeneratedHits(long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder lcov = new StringBuilder();
        long found = 0;
        long hit = 0;
        int records = 1 + random.nextInt(5);
        for (int r = 0; r < records; r++) {
            lcov.append("TN:\nSF:src/f").append(r).append(".js\n");
            int lines = 1 + random.nextInt(30);
            int recordHit = 0;
            for (int line = 1; line <= lines; line++) {
                int hits = random.nextInt(3) == 0 ? 0 : random.nextInt(50);
                recordHit += hits > 0 ? 1 : 0;
                lcov.append("DA:").append(line).append(',').append(hits).append('\n');
            }
            if (random.nextBoolean()) {
                lcov.append("LF:").append(lines).append("\nLH:").append(recordHit).append('\n');
            }
            lcov.append("end_of_record\n");
            found += lines;
            hit += recordHit;
        }

        CoverageResults results = LCOV.parse("gen.lcov", utf8(lcov.toString()));

        assertThat(results.lines()).isEqualTo(new Coverage.Counted(hit, found));
    }
}
