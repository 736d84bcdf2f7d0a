// customer-communities: groups of customers who buy the same items (GDS Louvain), with their typical items.
//
// Projects the bipartite customer–item graph of $interactionTypes into the GDS catalog under a unique name, runs
// Louvain on it (undirected, unweighted, single-threaded so that a given graph always gives the same answer), and
// drops the projection again, all in this one statement. Items are projected too (a community holds customers and
// the items they share), but only customers are counted as members. Communities are numbered 1, 2, ... by size
// (ties by their first customer id in text order). If the statement fails halfway, its projection stays in the catalog:
// `CALL gds.graph.list() YIELD graphName` shows it as kgrec-communities-<uuid>; drop it with gds.graph.drop.
//
// Parameters:
//   interactionTypes  LIST<STRING>  the interaction relationship types that link customers to items
//   membersShown      INTEGER       how many member ids to list per community (the first in text order)
//   topItems          INTEGER       how many of the community's most bought items to list
//
// Example values (the defaults of `kgrec query`); in cypher-shell or Neo4j Browser run these first:
// :param interactionTypes => ['PURCHASED', 'RATED', 'VIEWED', 'LISTENED', 'CLICKED', 'INTERACTED']
// :param membersShown => 10
// :param topItems => 5
//
// Returns one row per community with at least one customer: community, customers (how many), members (ids) and
// items (the items most of its customers bought, as `id: name (customers who bought it)`).
MATCH (c:Customer)-[r]->(i:Item)
WHERE type(r) IN $interactionTypes
WITH DISTINCT c, i
WITH gds.graph.project('kgrec-communities-' + randomUUID(), c, i,
                       {sourceNodeLabels: 'Customer', targetNodeLabels: 'Item'},
                       {undirectedRelationshipTypes: ['*']}) AS projection
CALL gds.louvain.stream(projection.graphName, {concurrency: 1})
YIELD nodeId, communityId
WITH projection, gds.util.asNode(nodeId) AS member, communityId
WHERE member:Customer
WITH projection, communityId, member ORDER BY member.id
WITH projection, communityId, collect(member) AS members
// collect first, so that the projection is dropped exactly once, after Louvain has finished
WITH projection, collect({communityId: communityId, members: members}) AS found
CALL gds.graph.drop(projection.graphName) YIELD graphName
UNWIND found AS community
WITH community ORDER BY size(community.members) DESC, community.members[0].id
WITH collect(community) AS ordered
UNWIND range(1, size(ordered)) AS number
WITH number, ordered[number - 1].members AS members
CALL (members) {
  UNWIND members AS c
  MATCH (c)-[r]->(i:Item)
  WHERE type(r) IN $interactionTypes
  WITH i, count(DISTINCT c) AS buyers
  ORDER BY buyers DESC, i.id
  RETURN collect(i.id + coalesce(': ' + i.name, '') + ' (' + buyers + ')')[0..$topItems] AS items
}
RETURN number AS community, size(members) AS customers, [m IN members[0..$membersShown] | m.id] AS members, items
ORDER BY community;
