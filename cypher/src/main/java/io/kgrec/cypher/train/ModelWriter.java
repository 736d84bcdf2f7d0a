package io.kgrec.cypher.train;

import io.kgrec.cypher.model.AttributePaths;
import io.kgrec.cypher.model.Family;
import io.kgrec.cypher.model.HybridModel;
import io.kgrec.cypher.model.SparseItemWeights;
import io.kgrec.model.schema.ModelProperties;
import io.kgrec.model.schema.ModelRelationships;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Writes a trained model's item–item weights as {@code SIMILAR_TO} relationships tagged with the model version, in
 * batches of their own transactions, so a large model never has to fit in one transaction. Readers only follow the
 * current version's relationships, so a model being written is invisible until it is switched on, and the old one is
 * removed only after.
 */
final class ModelWriter {
    static final RelationshipType SIMILAR_TO = RelationshipType.withName(ModelRelationships.SIMILAR_TO);

    private final GraphDatabaseService db;
    private final int batchSize;

    ModelWriter(GraphDatabaseService db, int batchSize) {
        this.db = db;
        this.batchSize = batchSize;
    }

    /**
     * @param progress receives the fraction of source items written so far
     * @return the number of relationships written
     */
    long writeSimilarities(ExportedGraph graph, HybridModel model, long version, DoubleConsumer progress) {
        int items = graph.data().items();
        Map<Family, SparseItemWeights> weights = model.weights();
        AttributePaths kg = model.knowledgeGraph().orElse(null);
        long written = 0;
        int inBatch = 0;
        Transaction tx = db.beginTx();
        try {
            for (int j = 0; j < items; j++) {
                TreeSet<Integer> targets = new TreeSet<>();
                for (SparseItemWeights w : weights.values()) {
                    for (int i : w.targetsOf(j)) {
                        targets.add(i);
                    }
                }
                if (targets.isEmpty()) {
                    continue;
                }
                Node source = tx.getNodeByElementId(graph.itemNodes().get(j));
                for (int i : targets) {
                    Relationship r = source.createRelationshipTo(tx.getNodeByElementId(graph.itemNodes().get(i)),
                            SIMILAR_TO);
                    setWeights(r, weights, kg, graph.attributes(), j, i, version);
                    written++;
                    if (++inBatch == batchSize) {
                        tx.commit();
                        tx.close();
                        tx = db.beginTx();
                        inBatch = 0;
                        progress.accept((double) j / items);
                        source = tx.getNodeByElementId(graph.itemNodes().get(j));
                    }
                }
            }
            tx.commit();
        } finally {
            tx.close();
        }
        return written;
    }

    /**
     * Writes the model version, the total weight, and the parts of the non-collaborative families; the collaborative
     * part is the rest ({@code weight − knowledgeGraph − embedding}). Leaving it implicit halves the properties of
     * the many purely collaborative relationships, which is most of what training writes.
     */
    private static void setWeights(Relationship r, Map<Family, SparseItemWeights> weights, AttributePaths kg,
            List<AttributeRef> attributes, int j, int i, long version) {
        double collaborative = weight(weights, Family.COLLABORATIVE, j, i) + weight(weights, Family.RANDOM_WALK, j, i);
        double knowledgeGraph = weight(weights, Family.KNOWLEDGE_GRAPH, j, i);
        double embedding = weight(weights, Family.EMBEDDING, j, i);
        r.setProperty(ModelProperties.MODEL, version);
        r.setProperty(ModelProperties.WEIGHT, collaborative + knowledgeGraph + embedding);
        if (knowledgeGraph != 0.0 && kg != null) {
            r.setProperty(ModelProperties.KNOWLEDGE_GRAPH, knowledgeGraph);
            List<AttributePaths.AttributeTerm> terms = kg.terms(j, i);
            String[] via = new String[terms.size()];
            double[] values = new double[terms.size()];
            for (int t = 0; t < via.length; t++) {
                via[t] = attributes.get(terms.get(t).attribute()).encode();
                values[t] = terms.get(t).value();
            }
            r.setProperty(ModelProperties.KG_VIA, via);
            r.setProperty(ModelProperties.KG_TERMS, values);
        }
        if (embedding != 0.0) {
            r.setProperty(ModelProperties.EMBEDDING, embedding);
        }
    }

    private static double weight(Map<Family, SparseItemWeights> weights, Family family, int j, int i) {
        SparseItemWeights w = weights.get(family);
        return w == null ? 0.0 : w.weight(j, i);
    }

    /** Sets every item's popularity share, what the prior multiplies. */
    void writePopularity(ExportedGraph graph, double[] share) {
        List<String> nodes = graph.itemNodes();
        for (int start = 0; start < nodes.size(); start += batchSize) {
            try (Transaction tx = db.beginTx()) {
                for (int i = start; i < Math.min(nodes.size(), start + batchSize); i++) {
                    tx.getNodeByElementId(nodes.get(i)).setProperty(ModelProperties.POPULARITY, share[i]);
                }
                tx.commit();
            }
        }
    }

    /** Removes the similarity relationships older models wrote. */
    @SuppressWarnings("deprecation") // internal ids keep the list of doomed relationships compact
    long removeOlderThan(long version) {
        long[] doomed = new long[1024];
        int n = 0;
        try (Transaction tx = db.beginTx(); var rels = tx.findRelationships(SIMILAR_TO)) {
            while (rels.hasNext()) {
                Relationship r = rels.next();
                Object v = r.getProperty(ModelProperties.MODEL, -1L);
                if (!(v instanceof Long l) || l < version) {
                    if (n == doomed.length) {
                        doomed = java.util.Arrays.copyOf(doomed, n * 2);
                    }
                    doomed[n++] = r.getId();
                }
            }
        }
        for (int start = 0; start < n; start += batchSize) {
            try (Transaction tx = db.beginTx()) {
                for (int p = start; p < Math.min(n, start + batchSize); p++) {
                    tx.getRelationshipById(doomed[p]).delete();
                }
                tx.commit();
            }
        }
        return n;
    }
}
