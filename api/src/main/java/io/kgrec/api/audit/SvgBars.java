package io.kgrec.api.audit;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal grouped bar charts as inline SVG: one band per category, one bar per series, the value written at the
 * bar's end. No script, no external file, so the page that holds them is complete on its own and prints as it is.
 */
final class SvgBars {
    /** Paul Tol's bright scheme: distinguishable with the common colour-vision deficiencies. */
    static final List<String> COLOURS = List.of("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377",
            "#BBBBBB");
    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 210;
    private static final int BAR = 12;
    private static final int GAP = 8;
    private static final int TOP = 34;

    /** A named series of values, one per category. */
    record Series(String name, double[] values) {
    }

    private SvgBars() {
    }

    /**
     * @param format e.g. "%.1f%%" after multiplying by {@code scale}
     */
    static String chart(String title, List<String> categories, List<Series> series, double scale, String format) {
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                max = Math.max(max, v * scale);
            }
        }
        max = max <= 0 ? 1 : max;
        int band = series.size() * BAR + GAP;
        int height = TOP + categories.size() * band + 8;
        int plot = WIDTH - LABEL_WIDTH - 70;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">",
                WIDTH, height, WIDTH, height, Html.escape(title)));
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        int x = 0;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"15\">%s</text>", x, colour(s), x + 14, Html.escape(series.get(s).name())));
            x += 24 + 7 * series.get(s).name().length();
        }
        for (int c = 0; c < categories.size(); c++) {
            int y = TOP + c * band;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL_WIDTH - 6, y + band / 2 + 2, Html.escape(shorten(categories.get(c)))));
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[c] * scale;
                int w = (int) Math.round(plot * Math.max(0, v) / max);
                int by = y + s * BAR;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s: %s</title></rect><text x=\"%d\" y=\"%d\">%s</text>", LABEL_WIDTH, by, w, BAR - 2,
                        colour(s), Html.escape(series.get(s).name()), String.format(Locale.ROOT, format, v),
                        LABEL_WIDTH + w + 3, by + BAR - 3, String.format(Locale.ROOT, format, v)));
            }
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                LABEL_WIDTH, TOP - 2, LABEL_WIDTH, height - 6));
        return svg.append("</svg>").toString();
    }

    private static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    private static String shorten(String label) {
        return label.length() <= 32 ? label : label.substring(0, 31) + "…";
    }
}
