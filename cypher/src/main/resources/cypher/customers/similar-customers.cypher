// similar-customers: the customers whose items overlap most with one customer's items.
//
// Compares item sets (any of $interactionTypes; several interactions with one item count once):
// jaccard = shared / (|mine| + |theirs| - shared), overlap = shared / min(|mine|, |theirs|). Ranked by jaccard, then
// shared items, then customer id. Customer ids are shown, so this query is for analysts, not for frontends.
//
// Parameters:
//   customerId        STRING        (required) the customer to compare with
//   interactionTypes  LIST<STRING>  the interaction relationship types that count
//   topK              INTEGER       how many similar customers to return
//
// Example values (the defaults of `kgrec query`, except the required customerId); in cypher-shell or Neo4j
// Browser run these first:
// :param customerId => '1453'
// :param interactionTypes => ['PURCHASED', 'RATED', 'VIEWED', 'LISTENED', 'CLICKED', 'INTERACTED']
// :param topK => 10
//
// Returns one row per similar customer: customerId, sharedItems, theirItems, myItems, jaccard and overlap.
MATCH (me:Customer {id: $customerId})-[r]->(mine:Item)
WHERE type(r) IN $interactionTypes
WITH me, count(DISTINCT mine) AS myItems
MATCH (me)-[r1]->(i:Item)<-[r2]-(other:Customer)
WHERE other <> me AND type(r1) IN $interactionTypes AND type(r2) IN $interactionTypes
WITH me, myItems, other, count(DISTINCT i) AS sharedItems
MATCH (other)-[r]->(theirs:Item)
WHERE type(r) IN $interactionTypes
WITH myItems, other, sharedItems, count(DISTINCT theirs) AS theirItems
WITH other.id AS customerId, sharedItems, theirItems, myItems,
     toFloat(sharedItems) / (myItems + theirItems - sharedItems) AS jaccard,
     toFloat(sharedItems) / CASE WHEN myItems < theirItems THEN myItems ELSE theirItems END AS overlap
RETURN customerId, sharedItems, theirItems, myItems, jaccard, overlap
ORDER BY jaccard DESC, sharedItems DESC, customerId
LIMIT $topK;
