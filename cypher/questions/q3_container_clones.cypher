// title: Q3 Possible container clones
// purpose: Which container numbers appear on overlapping voyages or with different owners (clones)? Pairs of records in the same container whose departure-arrival periods overlap on a different vessel or from a different loading port, and containers with several distinct consignors; each with the records (file, row, date).
// mode: read
// param min_owners (integer): distinct consignors (or sellers) to report a container; example: 3
// param limit (integer): containers at most; example: 50
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (k:Container)
WHERE COUNT { (k)<-[:IN_CONTAINER]-() } >= 2
CALL (k) {
  MATCH (k)<-[:IN_CONTAINER]-(c:Consignment)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN collect({c: c, from: coalesce(c.departure_date, c.shipment_date),
                  to: coalesce(c.arrival_date, c.departure_date, c.shipment_date),
                  vessel: head([(c)-[:ON_VESSEL]->(v:Vessel) | v.name + ' (IMO ' + v.imo + ')']),
                  loading: head([(c)-[:LOADED_AT]->(p:Port) | p.locode])}) AS recs
}
WITH k, recs
CALL (k) {
  MATCH (k)<-[:IN_CONTAINER]-(c:Consignment)-[:HAS_PARTY]->(m:Mention)-[:RESOLVES_TO]->(a:Actor)
  WHERE m.role IN ['consignor', 'seller'] AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN collect(DISTINCT a.name) AS owners
}
WITH k, owners,
     [r1 IN recs WHERE r1.from IS NOT NULL | [r2 IN recs WHERE r2.from IS NOT NULL AND r1.c.id < r2.c.id
        AND r1.from <= r2.to AND r2.from <= r1.to
        AND ((r1.vessel IS NOT NULL AND r2.vessel IS NOT NULL AND r1.vessel <> r2.vessel)
             OR (r1.loading IS NOT NULL AND r2.loading IS NOT NULL AND r1.loading <> r2.loading))
        | [{record_id: r1.c.record_id, originator: r1.c.originator, reporting_country: coalesce(r1.c.reporting_country, r1.c.originator), file: r1.c.source_file, row: r1.c.source_row, date: r1.c.shipment_date, vessel: r1.vessel, loading: r1.loading, until: r1.to},
           {record_id: r2.c.record_id, originator: r2.c.originator, reporting_country: coalesce(r2.c.reporting_country, r2.c.originator), file: r2.c.source_file, row: r2.c.source_row, date: r2.c.shipment_date, vessel: r2.vessel, loading: r2.loading, until: r2.to}]]] AS nested
WITH k, owners, reduce(all = [], x IN nested | all + x) AS overlapping
WHERE size(overlapping) > 0 OR size(owners) >= $min_owners
RETURN k.number AS container, size(overlapping) AS overlapping_pairs, overlapping[..5] AS examples,
       size(owners) AS consignors, owners[..10] AS consignor_names
ORDER BY overlapping_pairs DESC, consignors DESC, container
LIMIT $limit
