package dev.pce.server.mcp;

import dev.pce.pkm.index.VaultSearcher.ListPosition;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code nextCursor} of {@code resources/list}: the last note of a page (vault and id), so the next page starts
 * after it even when notes were added or removed meanwhile. Opaque to clients (base64url of a versioned text);
 * a cursor this server could not have handed out reads as empty.
 */
final class NoteCursor {
    private static final String VERSION = "n1";
    private static final char SEPARATOR = '\n';
    private static final int MAX_LENGTH = 4_096;

    private NoteCursor() {
    }

    static String encode(ListPosition last) {
        String text = VERSION + SEPARATOR + last.vault() + SEPARATOR + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; empty when it is not one this server hands out. */
    static Optional<ListPosition> decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 3 || !parts[0].equals(VERSION) || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ListPosition(parts[1], parts[2]));
    }
}
