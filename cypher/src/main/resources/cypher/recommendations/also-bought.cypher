// also-bought: the naive collaborative-filtering baseline, "customers who bought what you bought also bought".
//
// The pure-Cypher recommendation of the Neo4j recommendations example: from one customer, through each item they
// interacted with, to the other customers who interacted with it, to those customers' other items. An item scores
// the number of distinct co-customers who reach it; items the customer already has are left out; ties go by item
// id. Every interaction type counts, named statically so the planner expands only interaction relationships (never
// the model's SIMILAR_TO or the knowledge graph). It has no model, no weights and no explanation beyond the count:
// the yardstick that kgrec's recommendations are compared with (see benchmarks.md, "Serving under load"), and the field
// baselineRecommendations of the GraphQL API. Written as an analyst tuning it would: the customer's items and the
// co-customers are each collected once, so a co-customer's items are walked once however many items they share (the
// example's single MATCH walks them once per shared item and re-checks ownership on every row: about five times the
// CPU per call on the demo data).
//
// Parameters:
//   customerId  STRING   (required) the customer to recommend to
//   topK        INTEGER  how many items to return
//
// Example values (the defaults of `kgrec query`, except the required customerId); in cypher-shell or Neo4j
// Browser run these first:
// :param customerId => '1453'
// :param topK => 10
//
// Returns one row per recommended item, best first: itemId, name and coCustomers (how many other customers who
// share an item with this customer interacted with it).
MATCH (me:Customer {id: $customerId})-[:PURCHASED|RATED|VIEWED|LISTENED|CLICKED|INTERACTED]->(mine:Item)
WITH me, collect(DISTINCT mine) AS mine
UNWIND mine AS shared
MATCH (shared)<-[:PURCHASED|RATED|VIEWED|LISTENED|CLICKED|INTERACTED]-(other:Customer)
WHERE other <> me
WITH mine, collect(DISTINCT other) AS others
UNWIND others AS other
MATCH (other)-[:PURCHASED|RATED|VIEWED|LISTENED|CLICKED|INTERACTED]->(rec:Item)
WHERE NOT rec IN mine
WITH rec, count(DISTINCT other) AS coCustomers
RETURN rec.id AS itemId, rec.name AS name, coCustomers
ORDER BY coCustomers DESC, itemId
LIMIT $topK;
