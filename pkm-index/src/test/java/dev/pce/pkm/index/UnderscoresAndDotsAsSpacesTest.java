package dev.pce.pkm.index;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class UnderscoresAndDotsAsSpacesTest {
    private static final String TEXT = "_emphasis_ snake_case www.meetup.com index.md 3.14 v2.0 e.g. auteur\u00B7rices end.";
    private static final String READ = " emphasis  snake case www meetup com index md 3.14 v2.0 e g  auteur rices end ";

    @Test
    void underscoresAndDotsAfterLettersAreSpacesOneForOne() throws IOException {
        try (Reader reader = new UnderscoresAndDotsAsSpaces(new StringReader(TEXT))) {
            char[] buffer = new char[TEXT.length() + 10];
            int read = reader.read(buffer, 0, buffer.length);
            assertThat(new String(buffer, 0, read)).isEqualTo(READ);
        }
    }

    @Test
    void aDotAfterALetterOfThePreviousReadSplitsToo() throws IOException {
        StringBuilder read = new StringBuilder();
        try (Reader reader = new UnderscoresAndDotsAsSpaces(new StringReader(TEXT))) {
            char[] one = new char[1];
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                read.append((char) c);
                if (reader.read(one, 0, 1) == 1) {
                    read.append(one[0]);
                }
            }
        }
        assertThat(read.toString()).isEqualTo(READ);
    }
}
