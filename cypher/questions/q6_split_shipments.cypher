// title: Q6 Split shipments
// purpose: Which shipments look split: the same consignor and consignee, the same HS-6, several small consignments within a few days? For each pair and HS-6 the largest run of small records inside the window, with the records.
// mode: read
// param max_kg (number): gross mass at most, per consignment; example: 500
// param window_days (integer): days from the first to the last record of a run; example: 7
// param min_parts (integer): records in a run at least; example: 3
// param limit (integer): rows at most; example: 50
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (s:Actor)-[l:SHIPPED_TO]->(r:Actor)
WHERE l.record_count >= $min_parts
MATCH (s)<-[:RESOLVES_TO]-(ms:Mention)<-[:HAS_PARTY]-(c:Consignment)-[:HAS_PARTY]->(mr:Mention)-[:RESOLVES_TO]->(r)
WHERE ms.role IN ['consignor', 'seller'] AND mr.role IN ['consignee', 'buyer'] AND c.hs6 IS NOT NULL AND c.shipment_date IS NOT NULL
  AND c.gross_mass_kg IS NOT NULL AND c.gross_mass_kg <= $max_kg AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
WITH DISTINCT s, r, c
WITH s, r, c.hs6 AS hs6, c ORDER BY c.shipment_date, c.id
WITH s, r, hs6, collect(c) AS cs
WHERE size(cs) >= $min_parts
UNWIND range(0, size(cs) - 1) AS i
WITH s, r, hs6, [x IN cs[i..] WHERE date(x.shipment_date) <= date(cs[i].shipment_date) + duration({days: $window_days})] AS run
WHERE size(run) >= $min_parts
WITH s, r, hs6, run ORDER BY size(run) DESC
WITH s, r, hs6, head(collect(run)) AS run
RETURN s.id AS consignor_id, s.name AS consignor, r.id AS consignee_id, r.name AS consignee, hs6, size(run) AS parts,
       reduce(kg = 0.0, x IN run | kg + x.gross_mass_kg) AS total_kg,
       [x IN run | {record_id: x.record_id, originator: x.originator, reporting_country: coalesce(x.reporting_country, x.originator), file: x.source_file, row: x.source_row, date: x.shipment_date, kg: x.gross_mass_kg}] AS records
ORDER BY parts DESC, total_kg DESC, consignor
LIMIT $limit
