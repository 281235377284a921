package dev.pce.server.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A task id made safe for GitHub artifact names and file names. Task ids may hold {@code / : @ +}, which artifact
 * names may not; characters outside {@code [A-Za-z0-9._-]} become {@code _}, and then a short hash of the whole id
 * keeps two ids that read the same apart ({@code api/v2:store} and {@code api_v2_store}). An id that is safe already
 * stays as it is.
 */
final class ArtifactKey {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_READABLE = 80;

    private ArtifactKey() {
    }

    static String of(String taskId) {
        String safe = UNSAFE.matcher(taskId).replaceAll("_");
        if (safe.equals(taskId) && safe.length() <= MAX_READABLE) {
            return safe;
        }
        return safe.substring(0, Math.min(MAX_READABLE, safe.length())) + "-" + shortHash(taskId);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
