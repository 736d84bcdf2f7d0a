package io.kgrec.loader.stage;

/**
 * A knowledge-graph fact: head -[type]-> tail. Each end is an item (by id) or an entity (by key).
 *
 * @param type a relationship type already normalised by {@link io.kgrec.model.schema.RelationshipNames#toType}
 */
public record Fact(String head, boolean headIsItem, String type, String tail, boolean tailIsItem) {
}
