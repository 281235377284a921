package dev.pce.server.report;

import dev.pce.engine.metrics.TrendPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * One figure across the workspace's workflows in the order they were planned: a line through the workflows that
 * have the figure (a workflow without it, e.g. no gate evaluated, breaks the line), a dot per workflow with its
 * number in the trend table, id and value on hover. Workflows not started are left out: their makespan of 0 is no
 * measure and would pull the line to the floor. A figure no workflow has yet gets a note saying so, not bare axes.
 */
final class TrendChart {
    private static final double WIDTH = 470;
    private static final double HEIGHT = 180;
    private static final double LEFT = 64;
    private static final double RIGHT = 14;
    private static final double TOP = 28;
    private static final double BOTTOM = 26;

    /**
     * What a chart shows.
     *
     * @param share   the figure is a share (0 to 1): the axis runs to 100% whatever the values
     * @param missing why no workflow may have the figure yet, for the note that takes the chart's place
     */
    record Figure(String title, Function<TrendPoint, OptionalDouble> value, DoubleFunction<String> format,
                  boolean share, String missing) {
    }

    /** A charted workflow and its number in the trend table (1 for the first planned). */
    private record Numbered(int number, TrendPoint point) {
    }

    private final List<Numbered> points;
    private final Figure figure;
    private final double max;

    private TrendChart(List<Numbered> points, Figure figure) {
        this.points = points;
        this.figure = figure;
        double highest = points.stream().map(numbered -> figure.value().apply(numbered.point()))
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max().orElse(0);
        this.max = figure.share() ? 1 : highest > 0 ? highest * 1.1 : 1;
    }

    /** Whether a workflow is drawn: it has started (a task was claimed). */
    static boolean charted(TrendPoint point) {
        return point.start().isPresent();
    }

    /** @param trend every workflow, in the order they were planned */
    static String render(Figure figure, List<TrendPoint> trend) {
        List<Numbered> points = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            if (charted(trend.get(i))) {
                points.add(new Numbered(i + 1, trend.get(i)));
            }
        }
        if (points.stream().map(numbered -> figure.value().apply(numbered.point()))
                .noneMatch(OptionalDouble::isPresent)) {
            return "<div class=\"no-data\"><b>" + Html.escape(figure.title()) + "</b>" + Html.noData(figure.missing())
                    + "</div>";
        }
        return new TrendChart(points, figure).draw();
    }

    private String draw() {
        StringBuilder out = new StringBuilder(Svg.open("trend", WIDTH, HEIGHT, figure.title() + " by workflow"));
        out.append(Svg.text(LEFT, 16, "chart-title", figure.title()));
        for (double level : new double[] {0, max / 2, max}) {
            double y = y(level);
            out.append("<line class=\"grid\" x1=\"").append(Svg.num(LEFT)).append("\" y1=\"").append(Svg.num(y))
                    .append("\" x2=\"").append(Svg.num(WIDTH - RIGHT)).append("\" y2=\"").append(Svg.num(y))
                    .append("\"/>");
            out.append(Svg.text(4, y + 4, "tick", figure.format().apply(level)));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            OptionalDouble value = value(i);
            if (value.isEmpty()) {
                flush(out, line);
                continue;
            }
            line.append(line.isEmpty() ? "" : " ").append(Svg.num(x(i))).append(',')
                    .append(Svg.num(y(value.getAsDouble())));
        }
        flush(out, line);
        for (int i = 0; i < points.size(); i++) {
            String workflowId = points.get(i).point().workflowId();
            OptionalDouble value = value(i);
            if (value.isPresent()) {
                out.append("<circle class=\"point\" data-workflow=\"").append(Html.escape(workflowId))
                        .append("\" cx=\"").append(Svg.num(x(i))).append("\" cy=\"")
                        .append(Svg.num(y(value.getAsDouble()))).append("\" r=\"3.5\"><title>")
                        .append(Html.escape("#" + points.get(i).number() + " " + workflowId + ": "
                                + figure.format().apply(value.getAsDouble())))
                        .append("</title></circle>");
            }
        }
        out.append(Svg.text(LEFT, HEIGHT - 8, "tick", "#" + points.getFirst().number()));
        if (points.size() > 1) {
            out.append(Svg.text(WIDTH - RIGHT - 24, HEIGHT - 8, "tick", "#" + points.getLast().number()));
        }
        return out.append("</svg>").toString();
    }

    private OptionalDouble value(int index) {
        return figure.value().apply(points.get(index).point());
    }

    private static void flush(StringBuilder out, StringBuilder line) {
        if (line.indexOf(" ") > 0) {
            out.append("<polyline class=\"line\" points=\"").append(line).append("\"/>");
        }
        line.setLength(0);
    }

    private double x(int index) {
        double plot = WIDTH - LEFT - RIGHT;
        return points.size() == 1 ? LEFT + plot / 2 : LEFT + index * plot / (points.size() - 1);
    }

    private double y(double value) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - Math.min(value, max) / max);
    }
}
