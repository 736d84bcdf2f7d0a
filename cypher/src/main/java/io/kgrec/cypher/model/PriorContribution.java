package io.kgrec.cypher.model;

/** A named non-path term of a score, e.g. "popularity". */
public record PriorContribution(String name, double value) {
}
