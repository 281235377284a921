package dev.pce.rules.learned;

import dev.pce.engine.learning.PatternOrigin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the learned rules, as its {@code manifest.json} records it. Versions are numbered from 1 and never
 * change once written; the highest is the current one.
 *
 * @param previous   the version that was current when this one was written; 0 for the first
 * @param rollbackOf when this version restores an earlier one's rules, that version
 * @param rules      one entry per rule file of the version
 */
public record LearnedVersion(int version, Instant createdAt, int previous, Optional<Integer> rollbackOf,
                             List<Entry> rules) {
    public LearnedVersion {
        Objects.requireNonNull(createdAt, "createdAt");
        rollbackOf = rollbackOf == null ? Optional.empty() : rollbackOf;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The keys of the patterns its rules came from, in file order. */
    public List<String> patternKeys() {
        return rules.stream().map(Entry::pattern).toList();
    }

    /**
     * A rule file of a version and the pattern it came from.
     *
     * @param file      the file's name in the version's directory
     * @param pattern   the pattern's key
     * @param template  the template it filled ("gate-threshold")
     * @param workflows the workflows the pattern was learned from
     */
    public record Entry(String file, String pattern, String template, int samples, double confidence,
                        List<String> workflows, PatternOrigin origin) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(origin, "origin");
            workflows = workflows == null ? List.of() : List.copyOf(workflows);
        }

        static Entry of(LearnedRule rule) {
            var pattern = rule.pattern();
            return new Entry(rule.fileName(), pattern.key(), LearnedTemplates.templateName(pattern),
                    pattern.samples(), pattern.confidence(), pattern.workflows(), pattern.origin());
        }
    }
}
