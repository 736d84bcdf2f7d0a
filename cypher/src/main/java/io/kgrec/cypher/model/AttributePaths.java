package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The knowledge-graph family once fitted: the per-link walk probabilities out_ja and in_ai, the sparse item–item
 * weights W_ji = scale · Σ_a out_ja · in_ai kept for scoring, and the means to split any kept weight back into its
 * attributes. {@code scale} is the blend weight.
 */
public final class AttributePaths {
    private final ItemAttributes kg;
    private final double[] outByItem;
    private final double[] inByAttribute;
    private final double[] outByAttribute;
    private final double[] inByItem;
    private final double scale;
    private final SparseItemWeights weights;

    AttributePaths(ItemAttributes kg, double[] outByItem, double[] inByAttribute) {
        this(kg, outByItem, inByAttribute, 1.0, null);
    }

    private AttributePaths(ItemAttributes kg, double[] outByItem, double[] inByAttribute, double scale,
                           SparseItemWeights weights) {
        this.kg = kg;
        this.outByItem = outByItem;
        this.inByAttribute = inByAttribute;
        this.scale = scale;
        this.weights = weights;
        this.outByAttribute = new double[kg.links()];
        this.inByItem = new double[kg.links()];
        int[] cursor = new int[kg.attributes()];
        for (int a = 0; a < kg.attributes(); a++) {
            cursor[a] = kg.attributeStart(a);
        }
        // Both stores list links in ascending (item, attribute) order, so walking items in order fills each
        // attribute's list in order too.
        for (int i = 0; i < kg.items(); i++) {
            for (int p = kg.itemStart(i); p < kg.itemEnd(i); p++) {
                int at = cursor[kg.itemAttribute(p)]++;
                outByAttribute[at] = outByItem[p];
                inByItem[p] = inByAttribute[at];
            }
        }
    }

    AttributePaths withWeights(SparseItemWeights sparse) {
        return new AttributePaths(kg, outByItem, inByAttribute, scale, sparse);
    }

    /** The same paths with every weight and every attribute term multiplied by a blend weight. */
    public AttributePaths scaled(double factor) {
        return new AttributePaths(kg, outByItem, inByAttribute, scale * factor, weights.scaled(factor));
    }

    public SparseItemWeights weights() {
        return weights;
    }

    /**
     * Unscaled row W_j· into {@code acc} (all zero on entry); returns the touched targets. Terms are added in
     * ascending attribute order, exactly as {@link #column} does, so both give bit-identical weights.
     */
    int row(int j, double[] acc, int[] touched) {
        int n = 0;
        for (int p = kg.itemStart(j); p < kg.itemEnd(j); p++) {
            double out = outByItem[p];
            if (out == 0.0) {
                continue;
            }
            int a = kg.itemAttribute(p);
            for (int q = kg.attributeStart(a); q < kg.attributeEnd(a); q++) {
                int i = kg.attributeItem(q);
                if (acc[i] == 0.0) {
                    touched[n++] = i;
                }
                acc[i] += out * inByAttribute[q];
            }
        }
        return n;
    }

    /** Unscaled column W_·i into {@code acc}; returns the touched sources. */
    int column(int i, double[] acc, int[] touched) {
        int n = 0;
        for (int p = kg.itemStart(i); p < kg.itemEnd(i); p++) {
            double in = inByItem[p];
            if (in == 0.0) {
                continue;
            }
            int a = kg.itemAttribute(p);
            for (int q = kg.attributeStart(a); q < kg.attributeEnd(a); q++) {
                int j = kg.attributeItem(q);
                if (acc[j] == 0.0) {
                    touched[n++] = j;
                }
                acc[j] += outByAttribute[q] * in;
            }
        }
        return n;
    }

    /** The attribute terms of W_ji (scaled), in ascending attribute order; they sum to W_ji. */
    public List<AttributeTerm> terms(int j, int i) {
        List<AttributeTerm> terms = new ArrayList<>();
        int p = kg.itemStart(j);
        int q = kg.itemStart(i);
        while (p < kg.itemEnd(j) && q < kg.itemEnd(i)) {
            int a = kg.itemAttribute(p);
            int b = kg.itemAttribute(q);
            if (a < b) {
                p++;
            } else if (b < a) {
                q++;
            } else {
                double term = outByItem[p] * inByItem[q];
                if (term != 0.0) {
                    terms.add(new AttributeTerm(a, scale * term));
                }
                p++;
                q++;
            }
        }
        return terms;
    }

    /**
     * The blend-scaled out-step of item j to attribute a (0 when j does not link to a or a is skipped). Stored on the
     * (j)→(a) relationship, it lets a reader recompute every term as {@code out(j, a) · in(a, i)}.
     */
    public double out(int item, int attribute) {
        int at = position(item, attribute);
        return at < 0 ? 0.0 : scale * outByItem[at];
    }

    /** The in-step of attribute a to item i (0 when i does not carry a or a is skipped). */
    public double in(int attribute, int item) {
        int at = position(item, attribute);
        return at < 0 ? 0.0 : inByItem[at];
    }

    private int position(int item, int attribute) {
        for (int p = kg.itemStart(item); p < kg.itemEnd(item); p++) {
            if (kg.itemAttribute(p) == attribute) {
                return p;
            }
        }
        return -1;
    }

    /** One attribute's share of a knowledge-graph weight. */
    public record AttributeTerm(int attribute, double value) {
    }
}
