package dev.pce.engine.conflict;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which files two tasks both write, compared as the dependency rules compare them: as written, less a leading
 * "./" and doubled slashes; a path ending in '/' names a directory and everything in it. Anything else
 * ({@code db:users}) is compared by name.
 */
public final class FileOverlap {

    private FileOverlap() {
    }

    /**
     * The paths both {@code a} and {@code b} write, sorted: a path both name, or, where one names a directory
     * holding the other's path, the narrower path.
     */
    public static List<String> shared(Collection<String> a, Collection<String> b) {
        TreeSet<String> shared = new TreeSet<>();
        for (String first : a) {
            String p = normalize(first);
            for (String second : b) {
                String q = normalize(second);
                if (p.isEmpty() || q.isEmpty()) {
                    continue;
                }
                if (p.equals(q) || isDirectory(p) && q.startsWith(p)) {
                    shared.add(q);
                } else if (isDirectory(q) && p.startsWith(q)) {
                    shared.add(p);
                }
            }
        }
        return List.copyOf(shared);
    }

    /** Whether the two write at least one path in common. */
    public static boolean overlap(Collection<String> a, Collection<String> b) {
        return !shared(a, b).isEmpty();
    }

    /** The path as compared: stripped, no doubled '/', no leading "./". */
    public static String normalize(String path) {
        String result = path.strip();
        while (result.contains("//")) {
            result = result.replace("//", "/");
        }
        while (result.startsWith("./")) {
            result = result.substring(2);
        }
        return result;
    }

    private static boolean isDirectory(String path) {
        return path.endsWith("/");
    }
}
