// title: Repeat actors (filtered)
// purpose: Actors seen in visible records of at least N originator countries, counted over the records that pass the filters, ranked by countries, records and records of high-priority (CHPL) HS codes; one page and the total.
// mode: read
// param min_countries (integer): originator countries at least; example: 2
// param offset (integer): actors to skip; example: 0
// param limit (integer): actors per page; example: 50
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
CALL () {
  MATCH (m:Mention)-[:RESOLVES_TO]->(a:Actor)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR coalesce(m.shipment_date, m.seizure_date) >= $date_from)
  AND ($date_to IS NULL OR coalesce(m.shipment_date, m.seizure_date) <= $date_to)
  AND ($countries IS NULL OR m.originator IN $countries)
  AND ($hs_prefix IS NULL OR coalesce(m.hs6, m.hs_code) STARTS WITH $hs_prefix
       OR any(party_hs IN [(party_of:Consignment)-[:HAS_PARTY]->(m) | party_of.hs6] WHERE party_hs STARTS WITH $hs_prefix))
  WITH a, collect(DISTINCT m.originator) AS countries, count(DISTINCT m.consignment_id) AS records,
       min(m.shipment_date) AS first_seen, max(m.shipment_date) AS last_seen
  WHERE size(countries) >= $min_countries
  RETURN a, countries, records, first_seen, last_seen, 0 AS high_priority
  UNION ALL
  // high-priority records counted from the CHPL consignments (a fraction of all), not actor by actor
  MATCH (h:Commodity)<-[:CARRIES]-(c:Consignment)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(a:Actor)
  WHERE h.chpl_tier IS NOT NULL AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR c.shipment_date >= $date_from)
  AND ($date_to IS NULL OR c.shipment_date <= $date_to)
  AND ($countries IS NULL OR c.originator IN $countries)
  AND ($hs_prefix IS NULL OR c.hs6 STARTS WITH $hs_prefix)
  WITH a, count(DISTINCT c) AS high_priority
  RETURN a, null AS countries, null AS records, null AS first_seen, null AS last_seen, high_priority
}
WITH a, head(collect(countries)) AS countries, max(records) AS records, max(first_seen) AS first_seen,
     max(last_seen) AS last_seen, sum(high_priority) AS high_priority
WHERE countries IS NOT NULL
ORDER BY size(countries) DESC, records DESC, high_priority DESC, a.id
WITH collect({id: a.id, name: a.name, kind: a.kind, countries: countries, records: records,
               high_priority: high_priority, first_seen: first_seen, last_seen: last_seen}) AS ranked
RETURN size(ranked) AS total, ranked[$offset..$offset + $limit] AS items
