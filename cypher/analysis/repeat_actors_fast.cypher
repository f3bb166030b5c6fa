// title: Repeat actors (whole graph)
// purpose: Actors seen in records of at least N originator countries, from the aggregates stored on each actor (index on originator_count), ranked by countries, records and records of high-priority (CHPL) HS codes; for the unrestricted, unfiltered view.
// mode: read
// param min_countries (integer): originator countries at least; example: 2
// param offset (integer): actors to skip; example: 0
// param limit (integer): actors per page; example: 50
CALL () {
  MATCH (a:Actor)
  WHERE a.originator_count >= $min_countries
  RETURN a, 0 AS high_priority
  UNION ALL
  // high-priority records counted from the CHPL consignments (a fraction of all), not actor by actor
  MATCH (h:Commodity)<-[:CARRIES]-(c:Consignment)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(a:Actor)
  WHERE h.chpl_tier IS NOT NULL
  WITH a, count(DISTINCT c) AS high_priority
  RETURN a, high_priority
}
WITH a, sum(high_priority) AS high_priority
WHERE a.originator_count >= $min_countries
ORDER BY a.originator_count DESC, a.record_count DESC, high_priority DESC, a.id
WITH collect({id: a.id, name: a.name, kind: a.kind, countries: a.originators, records: a.record_count,
               high_priority: high_priority, first_seen: a.first_date, last_seen: a.last_date}) AS ranked
RETURN size(ranked) AS total, ranked[$offset..$offset + $limit] AS items
