// attribute-affinity: how each segment's purchases divide among the entities of one type (e.g. departments).
//
// For every segment (the value of the customer property $segmentBy; null for customers without it) and every
// entity of type $entityType, share is the fraction of the segment's interactions whose item is linked to that
// entity, overallShare the same fraction over all customers, and lift = share / overallShare (above 1: the segment
// favours the entity). An interaction counts as often as the source rows merged into it (`count`, else 1), so a
// household that bought milk on ten trips counts ten times. Items may link to an entity by any fact relationship.
//
// Parameters:
//   segmentBy         STRING        the customer property whose values are the segments
//   entityType        STRING        the entity type, as stored in Entity.type: department, brand, genre, ...
//   interactionTypes  LIST<STRING>  the interaction relationship types that count
//   topK              INTEGER       how many entities to list per segment, by share
//
// Example values (the defaults of `kgrec query`); in cypher-shell or Neo4j Browser run these first:
// :param segmentBy => 'segment'
// :param entityType => 'department'
// :param interactionTypes => ['PURCHASED', 'RATED', 'VIEWED', 'LISTENED', 'CLICKED', 'INTERACTED']
// :param topK => 10
//
// Returns one row per segment and entity: segment, entity (its name), entityKey, interactions (the segment's,
// with that entity), share, overallShare and lift.
MATCH (c:Customer)-[r]->(:Item)
WHERE type(r) IN $interactionTypes
WITH c[$segmentBy] AS segment, sum(coalesce(r.count, 1)) AS segmentInteractions
WITH collect({segment: segment, interactions: segmentInteractions}) AS segments,
     sum(segmentInteractions) AS allInteractions
MATCH (c:Customer)-[r]->(i:Item)--(e:Entity)
WHERE type(r) IN $interactionTypes AND e.type = $entityType
// DISTINCT: an item linked to the same entity by two facts still counts once
WITH DISTINCT segments, allInteractions, c[$segmentBy] AS segment, r, e
WITH segments, allInteractions, segment, e, sum(coalesce(r.count, 1)) AS interactions
WITH segments, allInteractions, e, collect({segment: segment, interactions: interactions}) AS bySegment,
     sum(interactions) AS entityInteractions
UNWIND bySegment AS s
WITH s.segment AS segment, e, s.interactions AS interactions,
     toFloat(entityInteractions) / allInteractions AS overallShare,
     [x IN segments WHERE x.segment = s.segment OR (x.segment IS NULL AND s.segment IS NULL)][0].interactions
         AS segmentInteractions
WITH segment, e, interactions, toFloat(interactions) / segmentInteractions AS share, overallShare
ORDER BY share DESC, e.key
WITH segment, collect({entity: e, interactions: interactions, share: share, overallShare: overallShare})[0..$topK]
     AS top
UNWIND top AS t
RETURN segment, t.entity.name AS entity, t.entity.key AS entityKey, t.interactions AS interactions,
       t.share AS share, t.overallShare AS overallShare, t.share / t.overallShare AS lift
ORDER BY segment, share DESC, entityKey;
