package dev.pce.pkm.note;

/**
 * Where something starts in a note's file, as an editor shows it.
 *
 * @param line   1-based line in the file (front matter lines count)
 * @param column 1-based column, counted in Unicode code points
 */
public record TextPosition(int line, int column) {

    public TextPosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
