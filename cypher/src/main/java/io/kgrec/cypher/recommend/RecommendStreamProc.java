package io.kgrec.cypher.recommend;

import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.recommend.stream}: the top items for a customer, each with the reason paths that make its score. */
public class RecommendStreamProc {
    @Context
    public Transaction tx;

    @Context
    public ModelStore store;

    @Procedure(name = "kgrec.recommend.stream", mode = Mode.READ)
    @Description("Top-k items a customer has not interacted with, scored by graph paths; each row carries its reason "
            + "paths, whose contributions (plus the named terms) add up to the score. Configuration: topK (10), "
            + "maxReasons (3); business rules: excludeInteracted (true), includeAttributes / excludeAttributes (entity "
            + "keys or item ids, each of which must exist), range {property, min, max} over a numeric item property, pin [item ids], boost {item id: amount}, diversity (0..1); "
            + "for the untrained walk: collaborativeWeight (1.0), attributeWeight (0.02), maxAttributeDegree (500).")
    public Stream<RecommendResult> stream(
            @Name("customerId") String customerId,
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        RecommendConfig config = RecommendConfig.of(configuration);
        RuleNames.check(tx, config.rules());
        Recommender recommender = Recommender.forGraph(tx, config, store);
        return recommender.recommend(customerId).stream().map(r -> RecommendResult.of(r, recommender.modelVersion()));
    }

    @Procedure(name = "kgrec.recommend.popular.stream", mode = Mode.READ)
    @Description("The non-personalised list, for a visitor the graph has not seen (cold start): the list a customer "
            + "without history gets, the most popular items, each scored by named popularity terms (popularity_prior; "
            + "no reason paths, since nothing links the visitor to the graph). Configuration as "
            + "kgrec.recommend.stream; excludeInteracted has nothing to exclude.")
    public Stream<RecommendResult> popular(
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        RecommendConfig config = RecommendConfig.of(configuration);
        RuleNames.check(tx, config.rules());
        Recommender recommender = Recommender.forGraph(tx, config, store);
        return recommender.recommendPopular().stream().map(r -> RecommendResult.of(r, recommender.modelVersion()));
    }
}
