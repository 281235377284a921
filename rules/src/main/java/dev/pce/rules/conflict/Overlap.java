package dev.pce.rules.conflict;

import java.util.List;

/**
 * Contender {@code task} writes {@code files} that contender {@code other} writes too. Inserted for both
 * directions of each overlapping pair, so the rules join on {@code task} alone.
 */
public record Overlap(String task, String other, List<String> files) {

    /** "src/A.java, src/B.java", for reasons. */
    public String filesText() {
        return String.join(", ", files);
    }
}
