package dev.pce.rules.authoring;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What a {@link RuleReloader} did after the local rule files changed. */
public sealed interface Reload permits Reload.Swapped, Reload.Kept {

    /** One line for the log. */
    String describe();

    /**
     * The local rules compiled and are in use from now on.
     *
     * @param files    the local rule files now layered in
     * @param ruleSets the rule sets recompiled and swapped in; the others compile with these files on first use
     */
    record Swapped(Path directory, List<Path> files, List<String> ruleSets) implements Reload {
        public Swapped {
            files = List.copyOf(files);
            ruleSets = List.copyOf(ruleSets);
        }

        @Override
        public String describe() {
            return "Layered " + files.size() + " rule file(s) from " + directory + " over the built-in rules"
                    + (ruleSets.isEmpty() ? "" : "; swapped in new " + String.join(" and ", ruleSets)) + ".";
        }
    }

    /** The local rules do not compile: the rules in use stay as they were (the built-in ones at first). */
    record Kept(Path directory, List<DrlProblem> problems) implements Reload {
        public Kept {
            problems = List.copyOf(problems);
        }

        @Override
        public String describe() {
            return "The rules under " + directory + " do not compile; the rules in use stay as they were until the"
                    + " files are corrected:\n" + problems.stream().map(DrlProblem::describe)
                    .collect(Collectors.joining("\n"));
        }
    }
}
