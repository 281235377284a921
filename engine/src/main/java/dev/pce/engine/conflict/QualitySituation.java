package dev.pce.engine.conflict;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.FindingSeverity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What kind of disagreement a review panel is, as a signature two panels share when a person would see the same
 * question: the dimensions the reviewers split on and the severities of the findings still open, e.g.
 * {@code split-tests.open-none} or {@code split-coverage+lint.open-medium+low}. Who reviewed and which files do not
 * count: a person who settled "the reviewers split on coverage, one medium finding open" twice by approving will
 * likely settle it so again. The conflict rules see it as a fact; learning keys escalation preferences by it.
 *
 * @param split the dimensions some reviewers approve and others object to, in the enum's order; when none, whether
 *              the overall verdicts split ({@code overall}) or not ({@code none})
 * @param open  the severities of the unresolved findings, most severe first
 */
public record QualitySituation(String signature, List<String> split, List<FindingSeverity> open) {
    /** The grammar of a signature: split on dimensions (or overall, or none), findings open (or none). */
    public static final Pattern SIGNATURE = Pattern.compile(
            "split-(overall|none|[a-z]+(\\+[a-z]+)*)\\.open-(none|[a-z]+(\\+[a-z]+)*)");

    public QualitySituation {
        Objects.requireNonNull(signature, "signature");
        split = List.copyOf(split);
        open = List.copyOf(open);
    }

    /** The situation of {@code panel}. */
    public static QualitySituation of(ReviewPanel panel) {
        List<String> split = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            boolean approves = false;
            boolean objects = false;
            for (Review review : panel.reviews()) {
                ReviewVerdict verdict = review.dimensions().get(dimension);
                approves |= verdict == ReviewVerdict.APPROVE;
                objects |= verdict != null && verdict.objects();
            }
            if (approves && objects) {
                split.add(dimension.wireName());
            }
        }
        if (split.isEmpty()) {
            boolean approves = panel.reviews().stream().anyMatch(review -> !review.verdict().objects());
            boolean objects = panel.reviews().stream().anyMatch(review -> review.verdict().objects());
            split.add(approves && objects ? "overall" : "none");
        }
        Set<FindingSeverity> severities = EnumSet.noneOf(FindingSeverity.class);
        panel.reviews().forEach(review -> review.findings().stream().filter(finding -> !finding.resolved())
                .forEach(finding -> severities.add(finding.severity())));
        List<FindingSeverity> open = List.copyOf(severities);
        String openText = open.isEmpty() ? "none"
                : open.stream().map(FindingSeverity::wireName).collect(Collectors.joining("+"));
        return new QualitySituation("split-" + String.join("+", split) + ".open-" + openText, split, open);
    }

    /** "the reviewers split on tests, no finding open", for reasons. */
    public static String describe(String signature) {
        if (!SIGNATURE.matcher(signature).matches()) {
            return signature;
        }
        String[] parts = signature.split("\\.open-", 2);
        String split = parts[0].substring("split-".length());
        String splitText = switch (split) {
            case "overall" -> "the reviewers split overall";
            case "none" -> "the reviewers agree";
            default -> "the reviewers split on " + split.replace("+", " and ");
        };
        String openText = parts[1].equals("none") ? "no finding open"
                : parts[1].replace("+", " and ") + " findings open";
        return splitText + ", " + openText;
    }
}
