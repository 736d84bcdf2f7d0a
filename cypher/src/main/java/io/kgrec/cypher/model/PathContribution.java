package io.kgrec.cypher.model;

/**
 * One path's share of a score: x_uj · W^f_ji for a known item j, or for the knowledge-graph family one attribute's
 * part of it. {@code attribute} is −1 when the path has no attribute node.
 */
public record PathContribution(int knownItem, Family family, int attribute, double value) {
}
