package dev.ascent.web.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart drawn as SVG on the server: this class computes the geometry, the {@code chart} template draws it with
 * escaped attributes only. No script is needed to see it, and the same numbers are offered as a table for screen
 * readers and for copying.
 *
 * @param title   what the chart shows (the SVG's accessible name)
 * @param unit    the y axis unit, e.g. "%" or "min"
 * @param series  lines (empty for a bar chart)
 * @param bars    bars (empty for a line chart)
 * @param xTicks  labels under the x axis
 * @param yTicks  grid lines with their labels
 * @param columns the table's header: the x label, then one column per series
 * @param rows    the table's rows, one per x value
 */
public record Chart(
        String title,
        String unit,
        List<Series> series,
        List<Bar> bars,
        List<Tick> xTicks,
        List<Tick> yTicks,
        List<String> columns,
        List<List<String>> rows) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    static final int LEFT = 60;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 28;

    /** One line: its name, a CSS class for its colour, the polyline's points and a dot per value. */
    public record Series(String name, String cssClass, String points, List<Dot> dots) {}

    public record Dot(double x, double y, String label) {}

    public record Bar(double x, double y, double width, double height, String label) {}

    public record Tick(double position, String label) {}

    /** A named run of values, one per x label; a null value leaves a gap (nothing known yet). */
    public record Line(String name, String cssClass, List<Double> values) {}

    public boolean empty() {
        return rows.isEmpty();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    /** Lines over shared x labels; the y axis runs from 0 to {@code maxY} (or the largest value, if larger). */
    public static Chart lines(String title, String unit, List<String> xLabels, List<Line> lines, double maxY) {
        double top = maxY;
        for (Line l : lines) {
            for (Double v : l.values()) {
                if (v != null) {
                    top = Math.max(top, v);
                }
            }
        }
        top = niceCeiling(top);
        int n = xLabels.size();
        List<Series> series = new ArrayList<>();
        for (Line l : lines) {
            StringBuilder points = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            for (int i = 0; i < n && i < l.values().size(); i++) {
                Double v = l.values().get(i);
                if (v == null) {
                    continue;
                }
                double x = x(i, n);
                double y = y(v, top);
                points.append(points.isEmpty() ? "" : " ")
                        .append(fmt(x))
                        .append(',')
                        .append(fmt(y));
                dots.add(new Dot(x, y, l.name() + ", " + xLabels.get(i) + ": " + number(v) + unit));
            }
            series.add(new Series(l.name(), l.cssClass(), points.toString(), dots));
        }
        List<String> columns = new ArrayList<>();
        columns.add("");
        lines.forEach(l -> columns.add(l.name()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            row.add(xLabels.get(i));
            for (Line l : lines) {
                Double v = i < l.values().size() ? l.values().get(i) : null;
                row.add(v == null ? "" : number(v) + unit);
            }
            rows.add(row);
        }
        return new Chart(title, unit, series, List.of(), xTicks(xLabels), yTicks(top, unit), columns, rows);
    }

    /** One bar per x label. */
    public static Chart bars(String title, String unit, List<String> xLabels, List<Double> values) {
        double top = niceCeiling(
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        int n = xLabels.size();
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, n);
        List<Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            double y = y(v, top);
            double w = Math.max(2, Math.min(48, slot * 0.7));
            bars.add(new Bar(
                    LEFT + slot * i + (slot - w) / 2,
                    y,
                    w,
                    HEIGHT - BOTTOM - y,
                    xLabels.get(i) + ": " + number(v) + " " + unit));
            rows.add(List.of(xLabels.get(i), number(v) + " " + unit));
        }
        List<Tick> xTicks = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += step) {
            xTicks.add(new Tick(LEFT + slot * i + slot / 2, xLabels.get(i)));
        }
        return new Chart(title, unit, List.of(), bars, xTicks, yTicks(top, " " + unit), List.of("", title), rows);
    }

    private static List<Tick> xTicks(List<String> labels) {
        List<Tick> ticks = new ArrayList<>();
        int n = labels.size();
        int step = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += step) {
            ticks.add(new Tick(x(i, n), labels.get(i)));
        }
        return ticks;
    }

    private static List<Tick> yTicks(double top, String unit) {
        List<Tick> ticks = new ArrayList<>();
        // A small whole-number scale (a 1-5 rating) gets a line per unit; anything else quarters.
        int divisions = top <= 6 && top == Math.rint(top) ? (int) top : 4;
        for (int i = 0; i <= divisions; i++) {
            double v = top * i / divisions;
            ticks.add(new Tick(y(v, top), number(v) + unit));
        }
        return ticks;
    }

    static double x(int i, int n) {
        double span = WIDTH - LEFT - RIGHT;
        return n <= 1 ? LEFT + span / 2 : LEFT + span * i / (n - 1);
    }

    static double y(double v, double top) {
        double span = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - (top <= 0 ? 0 : span * v / top);
    }

    /** 0 -> 10, 37 -> 40, 120 -> 150, 940 -> 1000: a round top for the axis. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 10;
        }
        if (v <= 6 && v == Math.rint(v)) {
            return v;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String number(double v) {
        return Math.abs(v - Math.rint(v)) < 0.05 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
