// paths-between: the shortest paths from a customer to an item, through items, entities and other customers.
//
// Finds up to 25 shortest paths of at most $maxHops relationships (never more than 5), in either direction, along
// interactions and knowledge-graph facts: never along the relationships kgrec derives (SIMILAR_TO, FAVOURS,
// HAS_AFFINITY), which are not facts. Paths may pass through other customers, whose ids are shown: this query is
// for analysts. `route` spells the path out, e.g.
// (Customer 1453)-[:PURCHASED]->(Item 1082185: BANANAS 40 LB)-[:IN_DEPARTMENT]->(Department PRODUCE).
// A node shows its type label, then its id (and name), else its name, else its key.
//
// Parameters:
//   customerId  STRING   (required) the customer the paths start from
//   itemId      STRING   (required) the item the paths end at
//   maxHops     INTEGER  the longest path to return, 1 to 5 relationships
//   limit       INTEGER  how many paths to return, at most 25
//
// Example values (the defaults of `kgrec query`, except the required ids); in cypher-shell or Neo4j Browser run
// these first:
// :param customerId => '1453'
// :param itemId => '1029743'
// :param maxHops => 3
// :param limit => 10
//
// Returns one row per path, shortest first: hops, route and path (the path itself, which Browser draws).
MATCH (customer:Customer {id: $customerId}), (item:Item {id: $itemId})
// SHORTEST takes a literal count and quantifiers take literal bounds, so $maxHops and $limit filter within them
MATCH path = SHORTEST 25 (customer)-[:!SIMILAR_TO&!FAVOURS&!HAS_AFFINITY]-{1,5}(item)
WHERE length(path) <= $maxHops
WITH path, nodes(path) AS n, relationships(path) AS r
WITH path, n, r, [x IN n | '(' + [l IN labels(x) WHERE l <> 'Entity'][0] + ' ' + coalesce(x.id, x.name, x.key)
                          + CASE WHEN x.id IS NOT NULL AND x.name IS NOT NULL THEN ': ' + x.name ELSE '' END
                          + ')'] AS shown
WITH path, reduce(route = shown[0], k IN range(0, size(r) - 1) |
                  route
                  + CASE WHEN startNode(r[k]) = n[k] THEN '-[:' + type(r[k]) + ']->' ELSE '<-[:' + type(r[k]) + ']-' END
                  + shown[k + 1]) AS route
RETURN length(path) AS hops, route, path
ORDER BY hops, route
LIMIT $limit;
