// title: Container anomalies
// purpose: Containers whose visible records show one number in two places in overlapping periods (different vessel or loading port), reuse by unrelated actors within a few days (no shared party, no SHIPPED_TO between them), or many consignors: possible clones. One row per container with its record facts and the offending pairs.
// mode: read
// param min_owners (integer): distinct consignors (or sellers) that make "many owners"; example: 3
// param window_days (integer): days within which reuse by unrelated actors is suspicious; example: 14
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (k:Container)
WHERE COUNT { (k)<-[:IN_CONTAINER]-() } >= 2
CALL (k) {
  MATCH (k)<-[:IN_CONTAINER]-(c:Consignment)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  WITH c ORDER BY c.id
  RETURN collect({record: c.id, from: coalesce(c.departure_date, c.shipment_date),
    to: coalesce(c.arrival_date, c.departure_date, c.shipment_date),
    vessel: head([(c)-[:ON_VESSEL]->(v:Vessel) | v.imo]), loading: head([(c)-[:LOADED_AT]->(p:Port) | p.locode]),
    actors: [(c)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(x:Actor) | x.id],
    senders: [(c)-[:HAS_PARTY]->(o:Mention)-[:RESOLVES_TO]->(x:Actor) WHERE o.role IN ['consignor', 'seller'] | x.id]}) AS recs
}
WITH k, recs
WHERE size(recs) >= 2
CALL (recs) {
  UNWIND range(0, size(recs) - 2) AS i
  UNWIND range(i + 1, size(recs) - 1) AS j
  WITH recs[i] AS r1, recs[j] AS r2
  WHERE r1.from IS NOT NULL AND r2.from IS NOT NULL
  WITH r1, r2,
    r1.from <= r2.to AND r2.from <= r1.to
      AND ((r1.vessel IS NOT NULL AND r2.vessel IS NOT NULL AND r1.vessel <> r2.vessel)
           OR (r1.loading IS NOT NULL AND r2.loading IS NOT NULL AND r1.loading <> r2.loading)) AS overlap,
    abs(duration.inDays(date(r1.from), date(r2.from)).days) <= $window_days
      AND size(r1.actors) > 0 AND size(r2.actors) > 0 AND none(x IN r1.actors WHERE x IN r2.actors) AS near
  WITH r1, r2, overlap,
    near AND NOT EXISTS { MATCH (x:Actor)-[:SHIPPED_TO]-(y:Actor) WHERE x.id IN r1.actors AND y.id IN r2.actors } AS unrelated
  RETURN collect(CASE WHEN overlap THEN [r1.record, r2.record] END) AS overlaps,
         collect(CASE WHEN unrelated THEN [r1.record, r2.record] END) AS unrelated
}
WITH k, recs, overlaps, unrelated, reduce(s = [], r IN recs | s + [x IN r.senders WHERE NOT x IN s]) AS owners
WHERE size(overlaps) > 0 OR size(unrelated) > 0 OR size(owners) >= $min_owners
RETURN k.id AS id, k.number AS number, [r IN recs | r.record] AS records, overlaps, unrelated, owners
ORDER BY number
