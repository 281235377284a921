package dev.pce.pkm.index;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Text with each underscore read as a space: Unicode's word rules join letters across {@code _}, so markdown's
 * {@code _emphasis_} and {@code snake_case} were single words ({@code _dispatchez_}) that a search for the word
 * itself ({@code dispatchez}, {@code case}) missed. One character for one, so offsets (highlights) are unchanged.
 */
final class UnderscoresAsSpaces extends FilterReader {

    UnderscoresAsSpaces(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        return c == '_' ? ' ' : c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            if (buffer[i] == '_') {
                buffer[i] = ' ';
            }
        }
        return read;
    }
}
