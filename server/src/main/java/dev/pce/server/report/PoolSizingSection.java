package dev.pce.server.report;

import dev.pce.engine.pools.PoolRecommendation;

import java.util.Locale;

/**
 * The report's pool sizes: what PCE recommends for a workflow's plan from the workspace's finished workflows, as
 * text and as HTML (the JSON document carries the recommendation itself).
 *
 * @param workflowId the workflow whose plan the sizes are for
 */
public record PoolSizingSection(String workflowId, PoolRecommendation recommendation) {

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Pool sizes for the plan of ").append(workflowId).append(" (from ")
                .append(recommendation.basedOnWorkflows()).append(" finished workflow(s)): ").append(headline())
                .append('\n');
        out.append("  budget: ").append(recommendation.budget()).append('\n');
        recommendation.pools().forEach(pool -> out.append("  ").append(pool.reason()).append('\n'));
        return out.toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<h2 id=\"pool-sizes\">Pool sizes</h2>\n<p>For the plan of ")
                .append(Html.escape(workflowId)).append(", from ").append(recommendation.basedOnWorkflows())
                .append(" finished workflow(s): ").append(Html.escape(headline())).append("</p>\n<p class=\"meta\">")
                .append(Html.escape(recommendation.budget())).append("</p>\n<table class=\"pools\">\n")
                .append("<tr><th>Pool</th><th class=\"num\">Agents now</th><th class=\"num\">Recommended</th>")
                .append("<th>Why</th></tr>\n");
        recommendation.pools().forEach(pool -> out.append("<tr><td>").append(Html.escape(pool.pool()))
                .append("</td><td class=\"num\">").append(pool.current()).append("</td><td class=\"num\">")
                .append(pool.recommended()).append("</td><td>").append(Html.escape(pool.reason()))
                .append("</td></tr>\n"));
        return out.append("</table>\n").toString();
    }

    private String headline() {
        if (!recommendation.changes()) {
            return String.format(Locale.ROOT, "keep the current agents %s (predicted makespan %s min; no change "
                    + "within the budget shortens it)", recommendation.current(),
                    minutes(recommendation.currentMakespanMinutes()));
        }
        return String.format(Locale.ROOT, "%s instead of %s: predicted makespan %s min instead of %s (%s min, %s%% "
                        + "shorter)", recommendation.recommended(), recommendation.current(),
                minutes(recommendation.recommendedMakespanMinutes()), minutes(recommendation.currentMakespanMinutes()),
                minutes(recommendation.gainMinutes()), recommendation.gainPercent());
    }

    private static String minutes(double value) {
        return dev.pce.engine.PlainNumbers.figures(value, 3);
    }
}
