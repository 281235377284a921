package dev.pce.rules.conflict;

import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.gate.FindingSeverity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of a review panel, overall or on one dimension: how many reviewers gave each verdict, and how many
 * unresolved findings there are of each severity. The conflict rules weigh them (the weights are in the DRL).
 *
 * @param approvers      the reviewers who approve, in the panel's order
 * @param changeRequests the reviewers who request changes
 * @param rejections     the reviewers who reject
 */
public record Tally(List<String> approvers, List<String> changeRequests, List<String> rejections, int critical,
                    int high, int medium, int low, int info) {

    public Tally {
        approvers = List.copyOf(approvers);
        changeRequests = List.copyOf(changeRequests);
        rejections = List.copyOf(rejections);
    }

    public int approvals() {
        return approvers.size();
    }

    public int objections() {
        return changeRequests.size() + rejections.size();
    }

    /** Whether some reviewers approve and others object. */
    public boolean split() {
        return approvals() > 0 && objections() > 0;
    }

    /** "r1 approves; r2 requests changes; 1 high finding open", for reasons. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        who(parts, approvers, "approves", "approve");
        who(parts, changeRequests, "requests changes", "request changes");
        who(parts, rejections, "rejects", "reject");
        List<String> findings = new ArrayList<>();
        count(findings, critical, FindingSeverity.CRITICAL);
        count(findings, high, FindingSeverity.HIGH);
        count(findings, medium, FindingSeverity.MEDIUM);
        count(findings, low, FindingSeverity.LOW);
        count(findings, info, FindingSeverity.INFO);
        parts.add(findings.isEmpty() ? "no finding open" : String.join(", ", findings) + " open");
        return String.join("; ", parts);
    }

    private static void who(List<String> parts, List<String> reviewers, String one, String several) {
        if (!reviewers.isEmpty()) {
            parts.add(String.join(", ", reviewers) + " " + (reviewers.size() == 1 ? one : several));
        }
    }

    private static void count(List<String> parts, int count, FindingSeverity severity) {
        if (count > 0) {
            parts.add(count + " " + severity.wireName() + " finding" + (count == 1 ? "" : "s"));
        }
    }

    /** Adds up verdicts and unresolved findings. */
    static final class Counter {
        private final List<String> approvers = new ArrayList<>();
        private final List<String> changeRequests = new ArrayList<>();
        private final List<String> rejections = new ArrayList<>();
        private final int[] findings = new int[FindingSeverity.values().length];

        void verdict(String reviewer, ReviewVerdict verdict) {
            (switch (verdict) {
                case APPROVE -> approvers;
                case REQUEST_CHANGES -> changeRequests;
                case REJECT -> rejections;
            }).add(reviewer);
        }

        void finding(FindingSeverity severity) {
            findings[severity.ordinal()]++;
        }

        boolean isEmpty() {
            return approvers.isEmpty() && changeRequests.isEmpty() && rejections.isEmpty()
                    && Arrays.stream(findings).allMatch(n -> n == 0);
        }

        Tally tally() {
            return new Tally(approvers, changeRequests, rejections, findings[FindingSeverity.CRITICAL.ordinal()],
                    findings[FindingSeverity.HIGH.ordinal()], findings[FindingSeverity.MEDIUM.ordinal()],
                    findings[FindingSeverity.LOW.ordinal()], findings[FindingSeverity.INFO.ordinal()]);
        }
    }
}
