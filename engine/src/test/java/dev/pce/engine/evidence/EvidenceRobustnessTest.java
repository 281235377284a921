package dev.pce.engine.evidence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Properties over damaged copies of the samples, seeded so a failure can be replayed: reading never throws, and a
 * cut-off XML or JSON file is always a problem, never a (partial) pass.
 */
class EvidenceRobustnessTest {
    private static final EvidenceReader READER = EvidenceReader.ofAllFormats();

    private static final List<String> SAMPLES = List.of(Samples.SUREFIRE, Samples.PYTEST, Samples.PYTEST_BARE,
            Samples.JEST, Samples.JACOCO, Samples.COBERTURA, Samples.LCOV, Samples.CODEQL, Samples.SEMGREP,
            Samples.ESLINT);
    private static final int SEEDS_PER_SAMPLE = 8;

    static Stream<Arguments> samplesAndSeeds() {
        return SAMPLES.stream().flatMap(sample -> Stream.iterate(0L, seed -> seed + 1).limit(SEEDS_PER_SAMPLE)
                .map(seed -> Arguments.of(sample, seed)));
    }

    @ParameterizedTest(name = "{0} cut, seed {1}")
    @MethodSource("samplesAndSeeds")
    void aCutOffFileIsAProblemOrForLcovAtLeastNoException(String sample, long seed) {
        byte[] content = Samples.bytes(sample);
        int end = lastNonWhitespace(content);
        int cut = new Random(seed * 31 + sample.hashCode()).nextInt(end);   // strictly before the closing byte

        ParsedFile parsed = READER.parse(sample, Arrays.copyOf(content, cut));

        if (!sample.equals(Samples.LCOV)) {
            // LCOV cut exactly after an end_of_record is a shorter valid tracefile; XML and JSON never are
            assertThat(parsed).as("cut at byte %d", cut).isInstanceOf(UnreadableFile.class);
        }
    }

    @ParameterizedTest(name = "{0} mangled, seed {1}")
    @MethodSource("samplesAndSeeds")
    void mangledBytesNeverThrow(String sample, long seed) {
        byte[] content = Samples.bytes(sample);
        Random random = new Random(seed ^ sample.hashCode());
        int flips = 1 + random.nextInt(20);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(content.length);
            content[at] = (byte) switch (random.nextInt(4)) {
                case 0 -> random.nextInt(256);
                case 1 -> "<>&\"'{}[],:".charAt(random.nextInt(11));
                case 2 -> '0' + random.nextInt(10);
                default -> '-';
            };
        }

        assertThatCode(() -> READER.parse(sample, content)).doesNotThrowAnyException();
        ParsedFile parsed = READER.parse(sample, content);
        if (parsed instanceof UnreadableFile unreadable) {
            assertThat(unreadable.problem().message()).as("not a PCE bug").doesNotStartWith("PCE failed");
        }
    }

    private static int lastNonWhitespace(byte[] content) {
        int i = content.length - 1;
        while (i > 0 && Character.isWhitespace(content[i])) {
            i--;
        }
        return i;
    }
}
