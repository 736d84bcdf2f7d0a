// The types of the knowledge-graph entities (Entity.type): the names an entityType parameter may take.
MATCH (e:Entity) WHERE e.type IS NOT NULL
RETURN DISTINCT e.type AS name ORDER BY name
