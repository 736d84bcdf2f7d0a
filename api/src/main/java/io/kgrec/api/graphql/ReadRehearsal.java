package io.kgrec.api.graphql;

import io.kgrec.api.read.Graph;
import io.kgrec.api.read.Recommendations;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scores, before the service reports ready, the recommendations of one customer of each size class of customer ids,
 * as a {@code recommendations(customerId, first: 10)} page asks for them, so that the first customers after a start do
 * not wait for Neo4j to plan the scoring statement for their id's size class (0.6–1.9 s for the first list). Nothing
 * is served or audited: the lists are read and dropped.
 */
@Component
public class ReadRehearsal {
    private final Graph graph;
    private final Recommendations recommendations;
    private final int rounds;

    /**
     * @param rounds as many as the feedback rehearsal's, past the point where Neo4j compiles expressions and the JVM
     *               starts compiling the scoring code
     */
    public ReadRehearsal(Graph graph, Recommendations recommendations,
            @Value(FeedbackRehearsal.ROUNDS) int rounds) {
        this.graph = graph;
        this.recommendations = recommendations;
        this.rounds = rounds;
    }

    /** @return how many customers it scored for; 0 when there is no customer yet or rehearsals are off */
    public int rehearse() {
        if (rounds <= 0) {
            return 0;
        }
        List<String> customers = graph.readRows(FeedbackRehearsal.SIZE_CLASSES, Map.of(),
                row -> ((List<?>) row.get("customers")).stream().map(String.class::cast).toList()).get(0);
        Map<String, Object> rules = RecommendationRules.of(null, null);
        for (int i = 0; i < rounds; i++) {
            for (String customer : customers) {
                // one more than a page, as the controller asks to tell whether a next page exists
                recommendations.top(customer, RecommendationController.DEFAULT_FIRST + 1,
                        RecommendationController.REASONS_PER_ITEM, rules);
            }
        }
        return customers.size();
    }
}
