// bridge-items: the items bought across many customer communities, which link otherwise separate groups.
//
// Finds customer communities as customer-communities does (GDS Louvain on the bipartite customer–item graph of
// $interactionTypes, projected and dropped within this statement), then, for every item, counts the communities
// its customers belong to. Communities of fewer than $minCommunitySize customers are ignored, so that loners do
// not make every item look like a bridge. Ranked by communities, then by the smallest mainShare (the fraction of
// the item's customers in its largest community: low means evenly spread), then customers, then item id.
//
// Parameters:
//   interactionTypes  LIST<STRING>  the interaction relationship types that link customers to items
//   minCommunitySize  INTEGER       the smallest community (in customers) that counts
//   topK              INTEGER       how many items to return
//
// Example values (the defaults of `kgrec query`); in cypher-shell or Neo4j Browser run these first:
// :param interactionTypes => ['PURCHASED', 'RATED', 'VIEWED', 'LISTENED', 'CLICKED', 'INTERACTED']
// :param minCommunitySize => 2
// :param topK => 10
//
// Returns one row per item: itemId, name, communities, customers (in counted communities) and mainShare.
MATCH (c:Customer)-[r]->(i:Item)
WHERE type(r) IN $interactionTypes
WITH DISTINCT c, i
WITH gds.graph.project('kgrec-bridges-' + randomUUID(), c, i,
                       {sourceNodeLabels: 'Customer', targetNodeLabels: 'Item'},
                       {undirectedRelationshipTypes: ['*']}) AS projection
CALL gds.louvain.stream(projection.graphName, {concurrency: 1})
YIELD nodeId, communityId
WITH projection, gds.util.asNode(nodeId) AS member, communityId
WHERE member:Customer
WITH projection, communityId, collect(member) AS members
// collect first, so that the projection is dropped exactly once, after Louvain has finished
WITH projection, collect({communityId: communityId, members: members}) AS found
CALL gds.graph.drop(projection.graphName) YIELD graphName
UNWIND found AS community
WITH community WHERE size(community.members) >= $minCommunitySize
UNWIND community.members AS c
MATCH (c)-[r]->(i:Item)
WHERE type(r) IN $interactionTypes
WITH i, community.communityId AS communityId, count(DISTINCT c) AS customers
WITH i, count(communityId) AS communities, sum(customers) AS customers, max(customers) AS largest
RETURN i.id AS itemId, i.name AS name, communities, customers, toFloat(largest) / customers AS mainShare
ORDER BY communities DESC, mainShare, customers DESC, itemId
LIMIT $topK;
