package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * {@code kgrec.recommend.groups}: the groups of other customers a collaborative reason path shows, counted now. A
 * model-scored list's ranking does not move when other customers buy (its weights and priors are trained), but the
 * groups on its collaborative paths do; a service that keeps lists counts them again instead of scoring the list anew.
 */
public class GroupsProc {
    @Context
    public Transaction tx;

    @Procedure(name = "kgrec.recommend.groups", mode = Mode.READ)
    @Description("For each [knownItemId, itemId] pair, the largest group of other customers (not the given one) who "
            + "engaged with both items: the relationship types they reached each item by and their number, as "
            + "kgrec.recommend.stream shows it on a collaborative path. customers is 0, with null types, when no one "
            + "has both or an item does not exist; no row at all when the customer does not exist.")
    public Stream<GroupResult> groups(@Name("customerId") String customerId, @Name("pairs") List<List<String>> pairs) {
        Node customer = tx.findNode(GraphSchema.CUSTOMER, "id", customerId);
        if (customer == null) {
            return Stream.empty();
        }
        CoEngagement coEngagement = new CoEngagement(tx, customer);
        return pairs.stream().map(pair -> {
            if (pair == null || pair.size() != 2) {
                throw new IllegalArgumentException("each pair is [knownItemId, itemId], got " + pair);
            }
            Node known = item(pair.get(0));
            Node item = item(pair.get(1));
            CoEngagement.Group group = known == null || item == null ? null : coEngagement.largest(known, item);
            return group == null ? new GroupResult(pair.get(0), pair.get(1), null, 0L, null)
                    : new GroupResult(pair.get(0), pair.get(1), group.toKnown().name(), group.customers(),
                            group.toItem().name());
        });
    }

    private Node item(String id) {
        return tx.findNode(GraphSchema.ITEM, "id", Objects.requireNonNull(id, "an item id in a pair is null"));
    }

    /** One pair's group; public fields, as Neo4j reads procedure output. */
    public static final class GroupResult {
        public final String knownItemId;
        public final String itemId;
        public final String otherToKnown;
        public final Long customers;
        public final String otherToItem;

        GroupResult(String knownItemId, String itemId, String otherToKnown, long customers, String otherToItem) {
            this.knownItemId = knownItemId;
            this.itemId = itemId;
            this.otherToKnown = otherToKnown;
            this.customers = customers;
            this.otherToItem = otherToItem;
        }
    }
}
