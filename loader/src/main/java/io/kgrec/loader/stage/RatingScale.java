package io.kgrec.loader.stage;

/**
 * The ratings a source can give: from {@code min} to {@code max} in steps of {@code step} (MovieLens 100K: 1 to 5 in
 * whole stars; newer MovieLens: 0.5 to 5 in half stars). A rating off the scale is impossible, so its row is
 * quarantined rather than stretched onto the scale.
 */
public record RatingScale(double min, double max, double step) {
    public static final RatingScale WHOLE_STARS = new RatingScale(1, 5, 1);
    public static final RatingScale HALF_STARS = new RatingScale(0.5, 5, 0.5);

    public RatingScale {
        if (!(min < max) || !(step > 0)) {
            throw new IllegalArgumentException("a rating scale needs min < max and a positive step");
        }
    }

    /** Parses {@code min-max} or {@code min-max/step}, e.g. {@code 1-5} or {@code 0.5-5/0.5}. */
    public static RatingScale parse(String text) {
        String[] stepSplit = text.strip().split("/");
        String[] bounds = stepSplit[0].split("-");
        if (bounds.length != 2 || stepSplit.length > 2) {
            throw new IllegalArgumentException("rating scale '" + text + "' is not of the form min-max[/step]");
        }
        double step = stepSplit.length == 2 ? Double.parseDouble(stepSplit[1]) : 1;
        return new RatingScale(Double.parseDouble(bounds[0]), Double.parseDouble(bounds[1]), step);
    }

    public boolean allows(double rating) {
        if (rating < min || rating > max) {
            return false;
        }
        double steps = (rating - min) / step;
        return Math.abs(steps - Math.rint(steps)) < 1e-9;
    }

    @Override
    public String toString() {
        return fmt(min) + "-" + fmt(max) + (step == 1 ? "" : "/" + fmt(step));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
