package dev.pce.pkm.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A note file's text for an editor: the text with {@code \n} line ends, as {@link NoteParser} reads it, and what
 * writing it back needs to keep the file's own form (a byte order mark, CRLF line ends). The front matter block is
 * kept as written when only the body changes.
 *
 * @param text the file's text without byte order mark, lines ending in {@code \n}
 * @param bom  whether the file starts with a UTF-8 byte order mark
 * @param crlf whether the file's lines end in CRLF
 */
public record NoteText(String text, boolean bom, boolean crlf) {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public NoteText {
        Objects.requireNonNull(text, "text");
    }

    /** The text of a file's bytes; empty when they are not UTF-8 (such a file is no note). */
    public static Optional<NoteText> decode(byte[] content) {
        boolean bom = content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
        int start = bom ? 3 : 0;
        String raw;
        try {
            raw = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        return Optional.of(new NoteText(LineEnds.toLf(raw), bom, raw.contains("\r\n")));
    }

    /** The front matter block as written (both {@code ---} lines), or {@code ""} when the note has none. */
    public String head() {
        return text.substring(0, text.length() - body().length());
    }

    /** The markdown after the front matter. */
    public String body() {
        return FrontMatterBlock.split(text).body();
    }

    /** The same file with {@code newText} (lines ending in {@code \n}) in place of its text. */
    public NoteText with(String newText) {
        return new NoteText(newText, bom, crlf);
    }

    /** The bytes to write: UTF-8, with the byte order mark and CRLF line ends when the file had them. */
    public byte[] encode() {
        byte[] utf8 = (crlf ? text.replace("\n", "\r\n") : text).getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return utf8;
        }
        byte[] content = new byte[utf8.length + 3];
        System.arraycopy(BOM, 0, content, 0, 3);
        System.arraycopy(utf8, 0, content, 3, utf8.length);
        return content;
    }
}
