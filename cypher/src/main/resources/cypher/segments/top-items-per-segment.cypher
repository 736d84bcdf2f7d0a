// top-items-per-segment: the items that most customers of each segment bought.
//
// A segment is the value of one customer property, named by $segmentBy: the profile's `segment`, or any source
// attribute such as `age`, `income` or `household_comp` (Complete Journey). Customers without that property form
// the segment null. Items are ranked by how many of the segment's customers interacted with them (ties by item id).
//
// Parameters:
//   segmentBy         STRING        the customer property whose values are the segments
//   interactionTypes  LIST<STRING>  the interaction relationship types that count
//   topK              INTEGER       how many items to list per segment
//
// Example values (the defaults of `kgrec query`); in cypher-shell or Neo4j Browser run these first:
// :param segmentBy => 'segment'
// :param interactionTypes => ['PURCHASED', 'RATED', 'VIEWED', 'LISTENED', 'CLICKED', 'INTERACTED']
// :param topK => 10
//
// Returns one row per segment and rank: segment, segmentCustomers, rank, itemId, name, customers (of the segment
// who interacted with the item) and share (customers / segmentCustomers).
MATCH (c:Customer)
WITH c[$segmentBy] AS segment, collect(c) AS members
UNWIND members AS c
MATCH (c)-[r]->(i:Item)
WHERE type(r) IN $interactionTypes
WITH segment, size(members) AS segmentCustomers, i, count(DISTINCT c) AS customers
ORDER BY customers DESC, i.id
WITH segment, segmentCustomers, collect({item: i, customers: customers})[0..$topK] AS top
UNWIND range(1, size(top)) AS rank
WITH segment, segmentCustomers, rank, top[rank - 1] AS entry
RETURN segment, segmentCustomers, rank, entry.item.id AS itemId, entry.item.name AS name,
       entry.customers AS customers, toFloat(entry.customers) / segmentCustomers AS share
ORDER BY segment, rank;
