// Analysts list entities by type ("all brands") and look items up by name.
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE TEXT INDEX item_name_text IF NOT EXISTS FOR (i:Item) ON (i.name);
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (e:Entity) ON (e.name);
