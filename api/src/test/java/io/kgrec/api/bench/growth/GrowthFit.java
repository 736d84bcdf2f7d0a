package io.kgrec.api.bench.growth;

/**
 * The growth exponent b of t = a·n^b, by least squares on log t = log a + b·log n, with R² of that fit. b = 1 is
 * linear growth; b < 1 sub-linear.
 */
record GrowthFit(double a, double b, double r2) {

    static GrowthFit of(double[] n, double[] t) {
        if (n.length != t.length || n.length < 2) {
            throw new IllegalArgumentException("need at least two (n, t) pairs, got " + n.length + " and " + t.length);
        }
        int m = n.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            if (!(n[i] > 0 && t[i] > 0)) {
                throw new IllegalArgumentException("n and t must be positive to fit on a log–log scale");
            }
            mx += Math.log(n[i]) / m;
            my += Math.log(t[i]) / m;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            double dx = Math.log(n[i]) - mx;
            double dy = Math.log(t[i]) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double b = sxy / sxx;
        double r2 = syy == 0 ? 1.0 : sxy * sxy / (sxx * syy);
        return new GrowthFit(Math.exp(my - b * mx), b, r2);
    }
}
