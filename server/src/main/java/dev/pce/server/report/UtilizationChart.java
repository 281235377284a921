package dev.pce.server.report;

import dev.pce.engine.metrics.PoolMetrics;

import java.util.List;

/**
 * One bar per pool: the share of its agents' time during the makespan that they held claims. Before the first claim
 * no pool has a share, and a note says so instead of empty bars.
 */
final class UtilizationChart {
    private static final double WIDTH = 960;
    private static final double LABEL = 220;
    private static final double BAR_WIDTH = 420;
    private static final double ROW = 26;

    private UtilizationChart() {
    }

    static String render(String workflowId, List<PoolMetrics> pools) {
        if (pools.stream().allMatch(pool -> pool.utilization().isEmpty())) {
            return Html.noData("no task has been claimed yet");
        }
        StringBuilder out = new StringBuilder(Svg.open("utilization", WIDTH, pools.size() * ROW + 8,
                "Utilization of the pools of workflow " + workflowId));
        double y = 4;
        for (PoolMetrics pool : pools) {
            double share = Math.min(1, pool.utilization().orElse(0));
            out.append(Svg.text(4, y + 16, "pool", pool.pool()));
            out.append("<rect class=\"track\" x=\"").append(Svg.num(LABEL)).append("\" y=\"").append(Svg.num(y + 4))
                    .append("\" width=\"").append(Svg.num(BAR_WIDTH)).append("\" height=\"14\"/>");
            out.append("<rect class=\"busy\" data-pool=\"").append(Html.escape(pool.pool())).append("\" x=\"")
                    .append(Svg.num(LABEL)).append("\" y=\"").append(Svg.num(y + 4)).append("\" width=\"")
                    .append(Svg.num(share * BAR_WIDTH)).append("\" height=\"14\"><title>")
                    .append(Html.escape(pool.pool() + ": " + ReportFormat.percent(pool.utilization())))
                    .append("</title></rect>");
            out.append(Svg.text(LABEL + BAR_WIDTH + 10, y + 16, "value", ReportFormat.percent(pool.utilization())
                    + " of " + pool.agents() + (pool.agents() == 1 ? " agent" : " agents") + ", busy "
                    + ReportFormat.duration(pool.busySeconds())));
            y += ROW;
        }
        return out.append("</svg>").toString();
    }
}
