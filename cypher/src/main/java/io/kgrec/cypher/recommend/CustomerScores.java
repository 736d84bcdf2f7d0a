package io.kgrec.cypher.recommend;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

/**
 * One customer's scores of any items, exactly as {@code kgrec.recommend.stream} and {@code kgrec.explain.stream}
 * compute them, read item by item: what an audience needs to score one item (or a coupon's items) for many customers.
 * For every item, {@link #paths} plus {@link #terms} add up to {@link #score}.
 */
public interface CustomerScores {
    Node customer();

    /** Whether the customer interacted with anything at all. */
    boolean hasHistory();

    /** The item's score, or {@link Double#NaN} when the item is no candidate (no path reaches it, or it is excluded). */
    double score(Node item);

    /**
     * The customer's own interaction with the item as the scorer counts it (the trained model's x_uj, 1 for the
     * path walk), or 0 when they have not interacted with it.
     */
    double own(Node item);

    /** The type of the customer's own interaction with the item, or {@code null}. */
    RelationshipType ownType(Node item);

    /** Every path part of a candidate's score, in no order; empty for an item that is no candidate. */
    List<Part> paths(Node item);

    /** The named terms of a candidate's score that are not paths (priors, paths the walk summed up). */
    List<ScoreTerm> terms(Node item);

    /** One path's share of an item's score, turned into a {@link ReasonPath} only if it is shown. */
    interface Part {
        double contribution();

        ReasonPath materialise();
    }
}
