package org.reception.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The report's charts, drawn as vector graphics straight into the page: horizontal bars (one per
 * place or category) and line charts over the months, each with its axis, gridlines and Chinese
 * labels, and its caption below (图n).
 */
final class Charts {

    /** Restrained colours that also read in grey print. */
    static final float[] BLUE = {0.20f, 0.34f, 0.52f};
    static final float[] RED = {0.66f, 0.22f, 0.18f};
    static final float[] WHITE = {1f, 1f, 1f};

    enum Marker { CIRCLE, SQUARE, DIAMOND }

    /** A bar: its label, its length, and the text written at its end ("<3" for a suppressed count). */
    record Bar(String label, double value, String text) {
    }

    /**
     * One line of a line chart.
     *
     * @param values one per month; {@code NaN} where there is nothing to show (the line breaks there)
     * @param dash the dash pattern, empty for a solid line
     */
    record Series(String name, double[] values, float[] colour, float[] dash, Marker marker) {
    }

    private static final float LABEL_SIZE = 9f;
    private static final float TICK_SIZE = 8f;
    private static final float CAPTION_SIZE = 10.5f;

    private final Pages pages;

    Charts(Pages pages) {
        this.pages = pages;
    }

    private PDPageContentStream stream() {
        return pages.stream();
    }

    // ---- bars ----

    void bars(String caption, List<Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        float slot = 17f;
        float barHeight = 10.5f;
        float plotHeight = bars.size() * slot;
        float height = 6 + 8 + plotHeight + 16 + 26;
        pages.need(height);
        pages.space(6);

        ReportFont font = pages.font;
        float labelWidth = 0;
        List<String> labels = new ArrayList<>();
        for (Bar bar : bars) {
            String label = font.clean(bar.label());
            labels.add(label);
            labelWidth = Math.max(labelWidth, pages.width(label, LABEL_SIZE));
        }
        labelWidth = Math.min(labelWidth, 130f) + 8f;
        float valueRoom = 34f;
        float x0 = Pages.LEFT + labelWidth;
        float x1 = Pages.RIGHT - valueRoom;
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
        }
        double[] axis = axis(0, max, 5, true);
        double step = axis[2];
        double top = axis[1];

        float plotTop = pages.y - 8;
        float plotBottom = plotTop - plotHeight;
        for (double v = 0; v <= top + step / 2; v += step) {
            float x = (float) (x0 + v / top * (x1 - x0));
            pages.line(x, plotBottom, x, plotTop, v == 0 ? 0.8f : 0.5f, v == 0 ? Pages.DARK : Pages.LIGHT);
            String tick = font.clean(count(v));
            pages.centred(tick, x, plotBottom - 11, TICK_SIZE, Pages.GREY, false);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float centre = plotTop - (i + 0.5f) * slot;
            float length = (float) (bar.value() / top * (x1 - x0));
            if (length > 0) {
                pages.rect(x0, centre - barHeight / 2, length, barHeight, BLUE);
            }
            String label = fit(labels.get(i), labelWidth - 8f, LABEL_SIZE);
            float size = fittedSize(label, labelWidth - 8f, LABEL_SIZE);
            pages.rightAligned(label, x0 - 5, centre - size * 0.36f, size, Pages.BLACK, false);
            pages.text(font.clean(bar.text()), x0 + length + 3, centre - TICK_SIZE * 0.36f, TICK_SIZE, Pages.DARK,
                    false);
        }
        pages.y = plotBottom - 16;
        caption(caption);
    }

    // ---- lines ----

    /**
     * A line chart over the months.
     *
     * @param percent whether the values are shares (0 to 1), shown as percentages, or counts
     * @param values whether each point's value is written above it
     */
    void lines(String caption, List<String> months, List<Series> series, boolean percent, boolean values) {
        if (months.isEmpty()) {
            return;
        }
        ReportFont font = pages.font;
        float plotHeight = 150f;
        float legendHeight = 22f;
        List<List<String>> xLabels = new ArrayList<>();
        float axisRoom = 34f;
        float x0 = Pages.LEFT + axisRoom;
        float x1 = Pages.RIGHT - 8f;
        float slot = (x1 - x0) / months.size();
        int labelLines = 1;
        float xSize = TICK_SIZE;
        for (String month : months) {
            List<String> lines = monthLines(font.clean(month), xSize, slot - 2);
            xLabels.add(lines);
            labelLines = Math.max(labelLines, lines.size());
        }
        float xLabelHeight = labelLines * (xSize + 2) + 6;
        float height = 8 + legendHeight + plotHeight + xLabelHeight + 26;
        pages.need(height);
        pages.space(8);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            min = 0;
            max = percent ? 1 : 0;
        }
        double[] axis = percent ? shareAxis(min) : axis(0, max, 5, true);
        double bottom = axis[0];
        double top = axis[1];
        double step = axis[2];
        if (values && !percent && max > top / 1.1) {
            // Room above the highest point for its value.
            top += step;
        }

        legend(series, pages.y - 12);
        float plotTop = pages.y - legendHeight;
        float plotBottom = plotTop - plotHeight;
        for (double v = bottom; v <= top + step / 2; v += step) {
            float y = (float) (plotBottom + (v - bottom) / (top - bottom) * plotHeight);
            pages.line(x0, y, x1, y, v == bottom ? 0.8f : 0.5f, v == bottom ? Pages.DARK : Pages.LIGHT);
            String tick = font.clean(percent ? String.format(Locale.ROOT, "%.0f%%", v * 100) : count(v));
            pages.rightAligned(tick, x0 - 4, y - TICK_SIZE * 0.36f, TICK_SIZE, Pages.GREY, false);
        }
        pages.line(x0, plotBottom, x0, plotTop, 0.8f, Pages.DARK);
        for (int i = 0; i < months.size(); i++) {
            float x = x0 + (i + 0.5f) * slot;
            pages.line(x, plotBottom, x, plotBottom - 3, 0.6f, Pages.DARK);
            List<String> lines = xLabels.get(i);
            for (int k = 0; k < lines.size(); k++) {
                pages.centred(lines.get(k), x, plotBottom - 6 - xSize * 0.88f - k * (xSize + 2), xSize, Pages.DARK,
                        false);
            }
        }
        for (Series s : series) {
            float[][] points = new float[months.size()][];
            for (int i = 0; i < months.size() && i < s.values().length; i++) {
                double v = s.values()[i];
                if (!Double.isNaN(v)) {
                    points[i] = new float[] {x0 + (i + 0.5f) * slot,
                        (float) (plotBottom + (Math.max(v, bottom) - bottom) / (top - bottom) * plotHeight)};
                }
            }
            path(points, s);
            for (int i = 0; i < points.length; i++) {
                if (points[i] != null) {
                    marker(points[i][0], points[i][1], s.marker(), s.colour());
                    if (values) {
                        String text = font.clean(percent ? String.format(Locale.ROOT, "%.1f%%", s.values()[i] * 100)
                                : count(s.values()[i]));
                        pages.centred(text, points[i][0], points[i][1] + 6, 7.5f, Pages.DARK, false);
                    }
                }
            }
        }
        pages.y = plotBottom - xLabelHeight;
        caption(caption);
    }

    private void legend(List<Series> series, float baseline) {
        ReportFont font = pages.font;
        float size = 9f;
        float swatch = 22f;
        float gap = 18f;
        float total = 0;
        for (Series s : series) {
            total += swatch + 4 + pages.width(font.clean(s.name()), size) + gap;
        }
        total -= gap;
        float x = Pages.LEFT + (Pages.WIDTH - total) / 2;
        for (Series s : series) {
            float mid = baseline + size * 0.32f;
            float[][] points = {{x, mid}, {x + swatch, mid}};
            path(points, s);
            marker(x + swatch / 2, mid, s.marker(), s.colour());
            String name = font.clean(s.name());
            pages.text(name, x + swatch + 4, baseline, size, Pages.BLACK, false);
            x += swatch + 4 + pages.width(name, size) + gap;
        }
    }

    private void path(float[][] points, Series s) {
        try {
            PDPageContentStream out = stream();
            out.setStrokingColor(s.colour()[0], s.colour()[1], s.colour()[2]);
            out.setLineWidth(1.6f);
            out.setLineDashPattern(s.dash(), 0);
            boolean drawing = false;
            boolean started = false;
            for (float[] point : points) {
                if (point == null) {
                    drawing = false;
                    continue;
                }
                if (drawing) {
                    out.lineTo(point[0], point[1]);
                } else {
                    out.moveTo(point[0], point[1]);
                    drawing = true;
                    started = true;
                }
            }
            if (started) {
                out.stroke();
            }
            out.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void marker(float x, float y, Marker marker, float[] colour) {
        try {
            PDPageContentStream out = stream();
            out.setStrokingColor(colour[0], colour[1], colour[2]);
            out.setNonStrokingColor(WHITE[0], WHITE[1], WHITE[2]);
            out.setLineWidth(1.2f);
            out.setLineDashPattern(new float[0], 0);
            float r = 2.8f;
            switch (marker) {
                case CIRCLE -> {
                    float k = 0.5523f * r;
                    out.moveTo(x + r, y);
                    out.curveTo(x + r, y + k, x + k, y + r, x, y + r);
                    out.curveTo(x - k, y + r, x - r, y + k, x - r, y);
                    out.curveTo(x - r, y - k, x - k, y - r, x, y - r);
                    out.curveTo(x + k, y - r, x + r, y - k, x + r, y);
                    out.closePath();
                }
                case SQUARE -> out.addRect(x - r * 0.9f, y - r * 0.9f, r * 1.8f, r * 1.8f);
                case DIAMOND -> {
                    out.moveTo(x, y + r * 1.2f);
                    out.lineTo(x + r * 1.2f, y);
                    out.lineTo(x, y - r * 1.2f);
                    out.lineTo(x - r * 1.2f, y);
                    out.closePath();
                }
            }
            out.fillAndStroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void caption(String caption) {
        String clean = pages.font.clean(caption);
        pages.centred(clean, Pages.LEFT + Pages.WIDTH / 2, pages.y - 14, CAPTION_SIZE, Pages.BLACK, true);
        pages.y -= 26;
    }

    // ---- scales ----

    /** From 0 to a round number above {@code max} in about {@code intervals} round steps: {bottom, top, step}. */
    static double[] axis(double min, double max, int intervals, boolean whole) {
        if (max <= min) {
            return new double[] {min, min + (whole ? intervals : 1), whole ? 1 : 1.0 / intervals};
        }
        double raw = (max - min) / intervals;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice;
        if (fraction <= 1) {
            nice = 1;
        } else if (fraction <= 2) {
            nice = 2;
        } else if (fraction <= 2.5 && !(whole && magnitude < 10)) {
            nice = 2.5;
        } else if (fraction <= 5) {
            nice = 5;
        } else {
            nice = 10;
        }
        double step = nice * magnitude;
        if (whole) {
            step = Math.max(1, Math.round(step));
        }
        double top = Math.ceil(max / step - 1e-9) * step;
        if (top <= min) {
            top = min + step;
        }
        return new double[] {min, top, step};
    }

    /** A share axis up to 100%, from a round share under the smallest value: {bottom, top, step}. */
    static double[] shareAxis(double min) {
        double bottom = Math.max(0, Math.floor((min - 0.02) * 10) / 10);
        double span = 1 - bottom;
        double step = span <= 0.2 ? 0.05 : span <= 0.5 ? 0.1 : 0.2;
        if (span > 0.5) {
            bottom = Math.max(0, 1 - Math.ceil(span / step) * step);
        }
        return new double[] {bottom, 1, step};
    }

    private static String count(double v) {
        return String.valueOf(Math.round(v));
    }

    /** A month's label in one line, or two broken after the year ("2026年" over "1月") when it is too wide. */
    private List<String> monthLines(String clean, float size, float width) {
        if (pages.width(clean, size) <= width) {
            return List.of(clean);
        }
        int year = clean.indexOf('年');
        if (year > 0 && year < clean.length() - 1) {
            return List.of(clean.substring(0, year + 1), clean.substring(year + 1));
        }
        return pages.wrap(clean, size, width, width);
    }

    /** The largest size up to {@code size} (and not under 6.5 points) at which the text fits the width. */
    private float fittedSize(String clean, float width, float size) {
        float w = pages.width(clean, size);
        if (w <= width) {
            return size;
        }
        return Math.max(6.5f, size * width / w);
    }

    /** The text, shortened with "…" if it does not fit even at the smallest size. */
    private String fit(String clean, float width, float size) {
        float smallest = fittedSize(clean, width, size);
        if (pages.width(clean, smallest) <= width) {
            return clean;
        }
        String text = clean;
        while (text.length() > 1 && pages.width(text + "…", smallest) > width) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "…";
    }
}
