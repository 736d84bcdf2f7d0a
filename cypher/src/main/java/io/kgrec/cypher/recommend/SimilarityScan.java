package io.kgrec.cypher.recommend;

import io.kgrec.model.schema.ModelProperties;
import io.kgrec.model.schema.ModelRelationships;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.values.storable.NumberValue;
import org.neo4j.values.storable.Value;

/**
 * Reads a node's {@code SIMILAR_TO} relationships of one model version with the kernel's cursors: token ids resolved
 * once, two properties read per relationship, no objects per relationship. Scoring reads tens of thousands of these
 * per request, and the core API's per-call name lookups and property-chain loads were most of its time.
 */
final class SimilarityScan implements AutoCloseable {
    /** Receives one relationship: the target node, the relationship and its weight. */
    @FunctionalInterface
    interface Target {
        void accept(long targetNode, long relationship, double weight);
    }

    private final Read read;
    private final NodeCursor nodes;
    private final RelationshipTraversalCursor relationships;
    private final PropertyCursor properties;
    private final RelationshipSelection similarTo;
    private final PropertySelection versionAndWeight;
    private final int versionKey;
    private final int weightKey;

    SimilarityScan(Transaction tx) {
        KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
        TokenRead tokens = ktx.tokenRead();
        read = ktx.dataRead();
        nodes = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
        relationships = ktx.cursors().allocateRelationshipTraversalCursor(ktx.cursorContext(), ktx.memoryTracker());
        properties = ktx.cursors().allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker());
        int type = tokens.relationshipType(ModelRelationships.SIMILAR_TO);
        similarTo = RelationshipSelection.selection(type, Direction.OUTGOING);
        versionKey = tokens.propertyKey(ModelProperties.MODEL);
        weightKey = tokens.propertyKey(ModelProperties.WEIGHT);
        versionAndWeight = PropertySelection.selection(versionKey, weightKey);
    }

    /** Every outgoing {@code SIMILAR_TO} of the node written by the model version. */
    void forEach(long node, long version, Target target) {
        if (versionKey == TokenConstants.NO_TOKEN || weightKey == TokenConstants.NO_TOKEN) {
            return;
        }
        read.singleNode(node, nodes);
        if (!nodes.next()) {
            return;
        }
        nodes.relationships(relationships, similarTo);
        while (relationships.next()) {
            relationships.properties(properties, versionAndWeight);
            long model = -1;
            double weight = 0;
            while (properties.next()) {
                Value v = properties.propertyValue();
                if (properties.propertyKey() == versionKey) {
                    model = ((NumberValue) v).longValue();
                } else {
                    weight = ((NumberValue) v).doubleValue();
                }
            }
            if (model == version) {
                target.accept(relationships.otherNodeReference(), relationships.relationshipReference(), weight);
            }
        }
    }

    @Override
    public void close() {
        properties.close();
        relationships.close();
        nodes.close();
    }
}
