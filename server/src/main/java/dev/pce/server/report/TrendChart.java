package dev.pce.server.report;

import dev.pce.engine.metrics.TrendPoint;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * One figure across the workspace's workflows in the order they were planned: a line through the workflows that
 * have the figure (a workflow without it, e.g. no gate evaluated, breaks the line), a dot per workflow with its
 * id and value on hover.
 */
final class TrendChart {
    private static final double WIDTH = 470;
    private static final double HEIGHT = 180;
    private static final double LEFT = 64;
    private static final double RIGHT = 14;
    private static final double TOP = 28;
    private static final double BOTTOM = 26;

    private final List<TrendPoint> points;
    private final Function<TrendPoint, OptionalDouble> figure;
    private final DoubleFunction<String> format;
    private final double max;

    private TrendChart(List<TrendPoint> points, Function<TrendPoint, OptionalDouble> figure,
                       DoubleFunction<String> format, boolean share) {
        this.points = points;
        this.figure = figure;
        this.format = format;
        double highest = points.stream().map(figure).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).max().orElse(0);
        this.max = share ? 1 : highest > 0 ? highest * 1.1 : 1;
    }

    /**
     * @param share the figure is a share (0 to 1): the axis runs to 100% whatever the values
     */
    static String render(String title, List<TrendPoint> points, Function<TrendPoint, OptionalDouble> figure,
                         DoubleFunction<String> format, boolean share) {
        return new TrendChart(points, figure, format, share).draw(title);
    }

    private String draw(String title) {
        StringBuilder out = new StringBuilder(Svg.open("trend", WIDTH, HEIGHT, title + " by workflow"));
        out.append(Svg.text(LEFT, 16, "chart-title", title));
        for (double level : new double[] {0, max / 2, max}) {
            double y = y(level);
            out.append("<line class=\"grid\" x1=\"").append(Svg.num(LEFT)).append("\" y1=\"").append(Svg.num(y))
                    .append("\" x2=\"").append(Svg.num(WIDTH - RIGHT)).append("\" y2=\"").append(Svg.num(y))
                    .append("\"/>");
            out.append(Svg.text(4, y + 4, "tick", format.apply(level)));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            OptionalDouble value = figure.apply(points.get(i));
            if (value.isEmpty()) {
                flush(out, line);
                continue;
            }
            line.append(line.isEmpty() ? "" : " ").append(Svg.num(x(i))).append(',')
                    .append(Svg.num(y(value.getAsDouble())));
        }
        flush(out, line);
        for (int i = 0; i < points.size(); i++) {
            TrendPoint point = points.get(i);
            OptionalDouble value = figure.apply(point);
            if (value.isPresent()) {
                out.append("<circle class=\"point\" data-workflow=\"").append(Html.escape(point.workflowId()))
                        .append("\" cx=\"").append(Svg.num(x(i))).append("\" cy=\"")
                        .append(Svg.num(y(value.getAsDouble()))).append("\" r=\"3.5\"><title>")
                        .append(Html.escape("#" + (i + 1) + " " + point.workflowId() + ": "
                                + format.apply(value.getAsDouble())))
                        .append("</title></circle>");
            }
        }
        if (!points.isEmpty()) {
            out.append(Svg.text(LEFT, HEIGHT - 8, "tick", "#1"));
            if (points.size() > 1) {
                out.append(Svg.text(WIDTH - RIGHT - 24, HEIGHT - 8, "tick", "#" + points.size()));
            }
        }
        return out.append("</svg>").toString();
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
