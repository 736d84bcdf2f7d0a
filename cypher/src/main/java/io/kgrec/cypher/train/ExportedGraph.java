package io.kgrec.cypher.train;

import io.kgrec.cypher.model.TrainingData;
import java.util.List;

/**
 * The graph as the model sees it: training data with dense indices, and what each index stands for in the graph.
 *
 * @param itemNodes  the Neo4j element id of each item index
 * @param attributes the graph meaning of each attribute index
 */
public record ExportedGraph(TrainingData data, List<String> itemNodes, List<AttributeRef> attributes) {
}
