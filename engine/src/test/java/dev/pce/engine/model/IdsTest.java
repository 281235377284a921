package dev.pce.engine.model;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A name is what the documented pattern says, checked char by char: the same answer on every string tried. */
class IdsTest {
    private static final Pattern DOCUMENTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}");
    /** Every character class the pattern tells apart, and neighbours of its ranges. */
    private static final String ALPHABET = "aAzZ09._:/@+-`{[@\\ \t\n é€\uD83D\uDE00";

    @Test
    void namesAreWhatThePatternMatches() {
        Random random = new Random(19);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(8) == 0 ? 120 + random.nextInt(12) : random.nextInt(6);
            for (int c = 0; c < length; c++) {
                value.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            String name = value.toString();
            assertThat(Ids.isName(name)).as(name).isEqualTo(DOCUMENTED.matcher(name).matches());
        }
    }

    @Test
    void theBoundsOfAName() {
        assertThat(Ids.isName("a".repeat(128))).isTrue();
        assertThat(Ids.isName("a".repeat(129))).isFalse();
        assertThat(Ids.isName("")).isFalse();
        assertThat(Ids.isName("-a")).isFalse();
        assertThat(Ids.isName("f1-build0/x:y@z+w.v_u")).isTrue();
    }
}
