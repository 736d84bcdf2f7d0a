package io.kgrec.cypher.recommend;

import io.kgrec.model.schema.InteractionType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;

/**
 * Counts, live, the other customers who engaged with both a known item and a candidate, so that a collaborative path
 * shows the group the graph has now. Counts per pair of interaction types and keeps the largest group, since a path
 * names one relationship type per step. Reads with the kernel's cursors: a shown path costs a walk over the two items'
 * customers, and a list shows dozens.
 */
final class CoEngagement {
    private final Read read;
    private final KernelTransaction ktx;
    private final long customer;
    private final int[] types;
    private final String[] typeNames;
    private final RelationshipSelection incoming;
    /** item → for each interaction type (by position in {@link #types}), the other customers with it */
    private final LongObjectHashMap<LongHashSet[]> customersOf = new LongObjectHashMap<>();

    /** @param customer the customer the paths are for, who is never counted; {@code null} counts everyone */
    @SuppressWarnings("deprecation") // internal ids are stable within the transaction
    CoEngagement(Transaction tx, Node customer) {
        this.ktx = ((InternalTransaction) tx).kernelTransaction();
        this.read = ktx.dataRead();
        this.customer = customer == null ? -1 : customer.getId();
        TokenRead tokens = ktx.tokenRead();
        List<Integer> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : InteractionType.relationshipTypes()) {
            int id = tokens.relationshipType(name);
            if (id != TokenConstants.NO_TOKEN) {
                ids.add(id);
                names.add(name);
            }
        }
        types = ids.stream().mapToInt(Integer::intValue).toArray();
        typeNames = names.toArray(String[]::new);
        incoming = RelationshipSelection.selection(types, Direction.INCOMING);
    }

    /** The largest group, or {@code null} when no other customer has both items. */
    @SuppressWarnings("deprecation")
    Group largest(Node known, Node item) {
        LongHashSet[] ofKnown = customersOf(known.getId());
        LongHashSet[] ofItem = customersOf(item.getId());
        int bestKnown = -1;
        int bestItem = -1;
        long bestCount = 0;
        for (int a = 0; a < types.length; a++) {
            for (int b = 0; b < types.length; b++) {
                long count = overlap(ofKnown[a], ofItem[b]);
                if (count > bestCount) {
                    bestKnown = a;
                    bestItem = b;
                    bestCount = count;
                }
            }
        }
        return bestKnown < 0 ? null : new Group(RelationshipType.withName(typeNames[bestKnown]), bestCount,
                RelationshipType.withName(typeNames[bestItem]));
    }

    /**
     * The item's other customers per interaction type, read once per list: a candidate is explained through several
     * known items and a known item explains several candidates, so each item's customers are walked only once.
     */
    private LongHashSet[] customersOf(long item) {
        return customersOf.getIfAbsentPut(item, () -> engaged(item));
    }

    private static long overlap(LongHashSet a, LongHashSet b) {
        LongHashSet small = a.size() <= b.size() ? a : b;
        LongHashSet large = small == a ? b : a;
        long count = 0;
        for (var it = small.longIterator(); it.hasNext(); ) {
            if (large.contains(it.next())) {
                count++;
            }
        }
        return count;
    }

    private LongHashSet[] engaged(long item) {
        LongHashSet[] byType = new LongHashSet[types.length];
        for (int t = 0; t < types.length; t++) {
            byType[t] = new LongHashSet();
        }
        try (NodeCursor nodes = cursorNode(); RelationshipTraversalCursor rels = cursorRelationships()) {
            read.singleNode(item, nodes);
            if (nodes.next()) {
                nodes.relationships(rels, incoming);
                while (rels.next()) {
                    long other = rels.otherNodeReference();
                    if (other != customer) {
                        byType[position(rels.type())].add(other);
                    }
                }
            }
        }
        return byType;
    }

    private int position(int type) {
        for (int t = 0; t < types.length; t++) {
            if (types[t] == type) {
                return t;
            }
        }
        throw new IllegalStateException("not an interaction type: " + type);
    }

    private NodeCursor cursorNode() {
        return ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
    }

    private RelationshipTraversalCursor cursorRelationships() {
        return ktx.cursors().allocateRelationshipTraversalCursor(ktx.cursorContext(), ktx.memoryTracker());
    }

    /** Customers who reached the known item by one type and the candidate by another. */
    record Group(RelationshipType toKnown, long customers, RelationshipType toItem) {
    }
}
