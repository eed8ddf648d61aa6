package io.sourced.ui;

import io.sourced.api.timelines.DayFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A timeline's figure per day as bars drawn on the server (inline SVG, no script): for each day the log's bar, plain,
 * beside the timeline's, hatched, each with its value in words for a screen reader; the page's table holds the same
 * numbers.
 *
 * @param id     unique on the page (the hatching's pattern is named after it)
 * @param bars   two a day, the log's first
 * @param labels the days under the bars, some left out when there are many
 * @param top    the value of the highest grid line, as shown
 */
record TimelineChart(String id, List<Bar> bars, List<Label> labels, String top) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 64;
    static final int BOTTOM = 24;
    static final int TOP = 10;
    private static final int MOST_LABELS = 8;

    /** One bar: where it is drawn and what it says. */
    record Bar(double x, double y, double width, double height, boolean whatIf, String title) {}

    record Label(double x, String text) {}

    static TimelineChart of(
            String id,
            List<DayFigures> days,
            Function<DayFigures, BigDecimal[]> actualAndWhatIf,
            Function<BigDecimal, String> shown) {
        double max = 0;
        for (DayFigures day : days) {
            for (BigDecimal value : actualAndWhatIf.apply(day)) {
                max = Math.max(max, value.doubleValue());
            }
        }
        double scale = max > 0 ? (HEIGHT - TOP - BOTTOM) / max : 0;
        double slot = days.isEmpty() ? 0 : (double) (WIDTH - LEFT) / days.size();
        double barWidth = slot * 0.4;
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / (double) MOST_LABELS));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayFigures day = days.get(i);
            BigDecimal[] values = actualAndWhatIf.apply(day);
            double left = LEFT + i * slot + slot * 0.1;
            for (int side = 0; side < 2; side++) {
                double height = values[side].doubleValue() * scale;
                bars.add(new Bar(
                        round(left + side * barWidth),
                        round(HEIGHT - BOTTOM - height),
                        round(barWidth),
                        round(height),
                        side == 1,
                        day.day() + (side == 0 ? ", actual: " : ", what-if: ") + shown.apply(values[side])));
            }
            if (i % labelEvery == 0) {
                labels.add(
                        new Label(round(LEFT + i * slot + slot / 2), day.day().toString()));
            }
        }
        return new TimelineChart(id, bars, labels, shown.apply(BigDecimal.valueOf(max)));
    }

    /** Where the axes are, for the template (which calls only public methods). */
    public int left() {
        return LEFT;
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    public int ceiling() {
        return TOP;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", value));
    }
}
