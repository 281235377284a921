package dev.pce.pkm.note;

import java.util.Optional;

/**
 * Splits a note's text into front matter and body. Front matter exists only when the very first line is
 * {@code ---} (trailing blanks allowed) and runs to the next line that is {@code ---}; a {@code ---} anywhere
 * else is markdown (a thematic break or a setext underline).
 *
 * @param yaml      the text between the two {@code ---} lines (empty front matter gives an empty text)
 * @param body      the text after the closing line, or the whole text when there is no front matter
 * @param bodyLine  the 1-based line of the file where the body starts
 * @param unclosed  whether the first line opened front matter that no {@code ---} line closes
 */
record FrontMatterBlock(Optional<String> yaml, String body, int bodyLine, boolean unclosed) {

    /** {@code text} must have {@code \n} line ends and no byte order mark. */
    static FrontMatterBlock split(String text) {
        int firstEnd = text.indexOf('\n');
        String firstLine = firstEnd < 0 ? text : text.substring(0, firstEnd);
        if (!isDelimiter(firstLine)) {
            return new FrontMatterBlock(Optional.empty(), text, 1, false);
        }
        if (firstEnd < 0) {
            return new FrontMatterBlock(Optional.empty(), text, 1, true);
        }
        int lineStart = firstEnd + 1;
        int line = 2;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            String current = end < 0 ? text.substring(lineStart) : text.substring(lineStart, end);
            if (isDelimiter(current)) {
                String yaml = text.substring(firstEnd + 1, lineStart);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatterBlock(Optional.of(yaml), body, line + 1, false);
            }
            if (end < 0) {
                break;
            }
            lineStart = end + 1;
            line++;
        }
        return new FrontMatterBlock(Optional.empty(), text, 1, true);
    }

    private static boolean isDelimiter(String line) {
        return line.startsWith("---") && line.substring(3).isBlank();
    }
}
