package dev.pce.engine.evidence;

import java.nio.charset.StandardCharsets;

/** Text evidence (LCOV, and the head of any file for detection) as UTF-8, without a byte order mark. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The first {@code maxBytes} bytes as text; undecodable bytes become U+FFFD, a leading BOM is dropped. */
    static String decode(byte[] content, int maxBytes) {
        int start = hasBom(content) ? 3 : 0;
        int end = Math.max(start, Math.min(content.length, maxBytes));
        return new String(content, start, end - start, StandardCharsets.UTF_8);
    }

    static boolean hasBom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }
}
