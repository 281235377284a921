package dev.pce.engine.evidence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes XML evidence to text before parsing, in the encoding its declaration names (UTF-8 when none), strictly:
 * a byte that is not valid in that encoding is a problem with its line. Decoding here rather than in the XML
 * parser gives that line, and keeps the JDK parser from printing its own "[Fatal Error]" lines to stderr.
 */
final class XmlEncoding {

    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");
    private static final int DECLARATION_BYTES = 256;

    private XmlEncoding() {
    }

    static String decode(byte[] content) throws MalformedEvidenceException {
        int start = Utf8Text.hasBom(content) ? 3 : 0;
        Charset charset = declaredCharset(content, start);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) (in.remaining() * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedEvidenceException("line " + lineAt(content, in.position()), "the file is not valid "
                    + charset.name() + " (byte " + in.position() + ")", "write the report in UTF-8, or declare its "
                    + "encoding in the XML declaration, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        }
        return out.flip().toString();
    }

    private static Charset declaredCharset(byte[] content, int start) throws MalformedEvidenceException {
        // Every encoding a declaration can be read in is ASCII-compatible in the declaration itself.
        String head = new String(content, start, Math.min(content.length - start, DECLARATION_BYTES),
                StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        if (!declared.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MalformedEvidenceException("line 1", "the XML declaration names the encoding '"
                    + declared.group(1) + "', which this JVM does not know", "write the report in UTF-8");
        }
    }

    private static int lineAt(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            line += content[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
