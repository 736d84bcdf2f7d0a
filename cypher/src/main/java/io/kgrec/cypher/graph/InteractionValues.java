package io.kgrec.cypher.graph;

import org.neo4j.graphdb.Relationship;

/** Reads the values the loader stores on interaction relationships. */
public final class InteractionValues {
    private InteractionValues() {
    }

    /** The summed source value (quantity, rating, plays); relationships written without one count once. */
    public static double raw(Relationship interaction) {
        Object raw = interaction.getProperty("raw", null);
        double v = raw instanceof Number n ? n.doubleValue() : 1.0;
        return v > 0 && Double.isFinite(v) ? v : 1.0;
    }
}
