package io.kgrec.cypher.risk.bench;

/** One row of a canonical split, with its time in epoch seconds (−1 when the dataset has none). */
public record Interaction(String customer, String item, double value, long time) {
}
