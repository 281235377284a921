package dev.pce.rules.dependency;

/**
 * Two tasks write overlapping paths and no ordering edge (declared or decided) puts them in sequence: found in Java
 * from the decided {@link OrderGraph}, so the rules meet each such pair once instead of joining every pair of
 * writers of a path (a thousand ordered writers of one file are half a million pairs, and none of them unordered).
 *
 * @param path      the path both write, or, with a directory, the narrower path written inside it
 * @param directory empty when both write {@code path}; otherwise the directory {@code first} writes, which holds
 *                  the {@code path} that {@code second} writes
 */
public record UnorderedWriters(String first, int firstIndex, String second, int secondIndex, String path,
                               String directory) {
}
