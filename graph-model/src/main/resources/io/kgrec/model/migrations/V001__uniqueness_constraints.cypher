// Every node kgrec writes is found by its natural key; these constraints also create the lookup indexes
// that MERGE relies on during loads.
CREATE CONSTRAINT customer_id_unique IF NOT EXISTS FOR (c:Customer) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT item_id_unique IF NOT EXISTS FOR (i:Item) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT entity_key_unique IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT schema_migration_version_unique IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
