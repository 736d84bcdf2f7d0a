package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.ModelProperties;
import io.kgrec.model.schema.ModelRelationships;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

/**
 * The serving model held in memory, one snapshot per database, read from the graph the first time a model version
 * serves: its {@code SIMILAR_TO} weights as dense rows, the items' popularity and, lazily, each segment's shares.
 * The graph stays the only source of truth: a snapshot copies a version's state, which changes only by an erasure
 * (which bumps the model's revision, so every instance reloads) and is replaced by the next version. Scoring from memory takes a fraction of a millisecond where reading tens of
 * thousands of relationships per request from the store took tens of milliseconds.
 */
public final class ModelStore {
    private final Map<UUID, Snapshot> byDatabase = new ConcurrentHashMap<>();
    private final DatabaseManagementService dbms;

    /** @param dbms opens the transactions that load snapshots; {@code null} loads in the caller's transaction */
    ModelStore(DatabaseManagementService dbms) {
        this.dbms = dbms;
    }

    /** The state of the model, loading it in this transaction when it is not in memory yet. */
    Snapshot snapshot(Transaction tx, CurrentModel model) {
        UUID database = ((InternalTransaction) tx).kernelTransaction().getDatabaseId();
        Snapshot current = byDatabase.get(database);
        if (current != null && current.serves(model)) {
            return current;
        }
        synchronized (this) {
            current = byDatabase.get(database);
            if (current == null || !current.serves(model)) {
                current = loadOnItsOwn(tx, model.version(), model.revision());
                byDatabase.put(database, current);
            }
            return current;
        }
    }

    /** Forgets every snapshot. */
    public void clear() {
        byDatabase.clear();
    }

    /**
     * Loads in a transaction of its own, without the caller's timeout: reading millions of weights can take longer
     * than a page view may, and a load cut short by the first request's timeout would start again with the next
     * request, and the next, so a large model would never serve. Requests that arrive meanwhile wait for it.
     */
    private Snapshot loadOnItsOwn(Transaction tx, long version, long revision) {
        if (dbms == null) {
            return load(tx, version, revision);
        }
        try (Transaction own = dbms.database(((InternalTransaction) tx).getDatabaseName()).beginTx()) {
            return load(own, version, revision);
        }
    }

    @SuppressWarnings("deprecation") // internal ids are stable while the nodes exist
    private static Snapshot load(Transaction tx, long version, long revision) {
        List<Node> items = new ArrayList<>();
        try (var found = tx.findNodes(GraphSchema.ITEM)) {
            found.forEachRemaining(items::add);
        }
        int n = items.size();
        LongIntHashMap index = new LongIntHashMap(n * 2);
        long[] nodes = new long[n];
        String[] ids = new String[n];
        double[] popularity = new double[n];
        for (int i = 0; i < n; i++) {
            Node item = items.get(i);
            nodes[i] = item.getId();
            index.put(nodes[i], i);
            ids[i] = String.valueOf(item.getProperty("id", ""));
            Object share = item.getProperty(ModelProperties.POPULARITY, 0.0);
            popularity[i] = share instanceof Number s ? s.doubleValue() : 0.0;
        }
        int[][] targets = new int[n][];
        double[][] weights = new double[n][];
        long[][] relationships = new long[n][];
        try (SimilarityScan scan = new SimilarityScan(tx)) {
            RowBuilder row = new RowBuilder();
            for (int i = 0; i < n; i++) {
                row.reset();
                scan.forEach(nodes[i], version, (target, relationship, weight) -> {
                    int t = index.getIfAbsent(target, -1);
                    if (t >= 0) {
                        row.add(t, relationship, weight);
                    }
                });
                row.sortInto(i, targets, weights, relationships);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -popularity[i]).thenComparing(i -> ids[i]));
        return new Snapshot(version, revision, index, nodes, ids, targets, weights, relationships, popularity,
                java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray(), new ConcurrentHashMap<>());
    }

    /**
     * One model version in dense form: item index i stands for node {@code nodes[i]} with id {@code ids[i]}; row i
     * lists the targets (ascending) with the weights and ids of their relationships.
     *
     * @param byPopularity item indices, most popular first (ties by id): the prior's ranking
     */
    record Snapshot(long version, long revision, LongIntHashMap index, long[] nodes, String[] ids, int[][] targets,
            double[][] weights, long[][] relationships, double[] popularity, int[] byPopularity,
            Map<String, double[]> segments) {
        private static final Label SEGMENT = Label.label(Labels.SEGMENT);
        private static final RelationshipType FAVOURS = RelationshipType.withName(ModelRelationships.FAVOURS);

        int items() {
            return nodes.length;
        }

        /** Whether this snapshot holds the model's current state. */
        boolean serves(CurrentModel model) {
            return version == model.version() && revision == model.revision();
        }

        /** The dense index of an item node, −1 for an item created after the model was loaded. */
        int indexOf(long node) {
            return index.getIfAbsent(node, -1);
        }

        /** The position of target t in source row s, or a negative number when the model has no such weight. */
        int find(int source, int target) {
            return java.util.Arrays.binarySearch(targets[source], target);
        }

        /** Each item's share within a segment (by its key), read from the graph once and kept. */
        @SuppressWarnings("deprecation")
        double[] segmentShares(Transaction tx, String key) {
            return segments.computeIfAbsent(key, k -> {
                double[] share = new double[nodes.length];
                Node segment = tx.findNode(SEGMENT, "key", k);
                if (segment != null) {
                    for (Relationship r : segment.getRelationships(Direction.OUTGOING, FAVOURS)) {
                        int i = indexOf(r.getEndNode().getId());
                        if (i >= 0) {
                            share[i] = ((Number) r.getProperty(ModelProperties.SHARE)).doubleValue();
                        }
                    }
                }
                return share;
            });
        }
    }

    private static final class RowBuilder {
        private long[] packed = new long[64];
        private long[] relationships = new long[64];
        private double[] weights = new double[64];
        private int size;

        void reset() {
            size = 0;
        }

        void add(int target, long relationship, double weight) {
            if (size == packed.length) {
                packed = java.util.Arrays.copyOf(packed, size * 2);
                relationships = java.util.Arrays.copyOf(relationships, size * 2);
                weights = java.util.Arrays.copyOf(weights, size * 2);
            }
            // target in the high bits, position in the low: sorting orders by target and remembers the position
            packed[size] = ((long) target << 32) | size;
            relationships[size] = relationship;
            weights[size] = weight;
            size++;
        }

        void sortInto(int row, int[][] targets, double[][] weights, long[][] relationships) {
            java.util.Arrays.sort(packed, 0, size);
            int[] t = new int[size];
            double[] w = new double[size];
            long[] r = new long[size];
            for (int p = 0; p < size; p++) {
                int at = (int) packed[p];
                t[p] = (int) (packed[p] >>> 32);
                w[p] = this.weights[at];
                r[p] = this.relationships[at];
            }
            targets[row] = t;
            weights[row] = w;
            relationships[row] = r;
        }
    }
}
