package dev.pce.pkm.index;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Text with each underscore and middle dot, and each dot after a letter, read as a space. Unicode's word rules join letters
 * across {@code _} and {@code .}, so markdown's {@code _emphasis_}, {@code snake_case}, {@code www.meetup.com} and
 * {@code index.md} were single words ({@code _dispatchez_}) that a search for one of their words ({@code
 * dispatchez}, {@code case}, {@code meetup}) missed. A dot after a digit is kept: {@code 3.14} and {@code v2.0}
 * stay numbers. One character for one, so offsets (highlights) are unchanged.
 */
final class UnderscoresAndDotsAsSpaces extends FilterReader {
    /** French inclusive writing's point ({@code développeur·rices}), which Unicode's rules join across too. */
    private static final char MIDDLE_DOT = '\u00B7';
    /** The character before the next one read: a dot after a letter splits even across reads. */
    private int previous = ' ';

    UnderscoresAndDotsAsSpaces(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        int read = c < 0 ? c : map((char) c);
        previous = c;
        return read;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            char c = buffer[i];
            buffer[i] = map(c);
            previous = c;
        }
        return read;
    }

    private char map(char c) {
        return c == '_' || c == MIDDLE_DOT || (c == '.' && Character.isLetter(previous)) ? ' ' : c;
    }
}
