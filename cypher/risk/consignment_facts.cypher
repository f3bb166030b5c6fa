// title: Risk facts of consignments
// purpose: One row per visible consignment with what the risk indicators and the actor projection read: dates, HS-6, description, mass, value, mode, ports (loading, discharge, delivery; transshipments as [seq, locode]), containers, and each party as [role, actor id, actor name, kind, name as written, tax scheme, tax id]. Lists, not maps, pattern comprehensions, not subqueries, and no ORDER BY (the caller sorts): it is streamed once over every record, and sorting a million rows in the server doubled its time.
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param id_from (string or null): first consignment id of a range (a reader splits the scan in two), null from the start; example: null
// param id_to (string or null): end of the range (excluded), null to the end; example: null
MATCH (c:Consignment)
WHERE ($id_from IS NULL OR c.id >= $id_from) AND ($id_to IS NULL OR c.id < $id_to)
  AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
RETURN c.id AS id, c.record_id AS record_id, c.originator AS originator,
       coalesce(c.reporting_country, c.originator) AS reporting_country, c.source_file AS file,
       c.source_row AS row, c.ingest_run AS ingest_run, c.shipment_date AS date, c.departure_date AS departure,
       c.arrival_date AS arrival, c.hs6 AS hs6, c.goods_description AS description, c.gross_mass_kg AS mass,
       c.value AS value, c.currency AS currency, c.packages AS packages, c.transport_mode AS mode,
       [(c)-[:LOADED_AT]->(p:Port) | p.locode][0] AS pol,
       [(c)-[:DISCHARGED_AT]->(p:Port) | p.locode][0] AS pod,
       [(c)-[:DELIVERED_AT]->(p:Port) | p.locode][0] AS delivery,
       [(c)-[t:TRANSSHIPPED_AT]->(p:Port) | [coalesce(t.seq, 0), p.locode]] AS tss,
       [(c)-[:IN_CONTAINER]->(k:Container) | k.number] AS containers,
       [(c)-[:HAS_PARTY]->(m:Mention) | [m.role, [(m)-[:RESOLVES_TO]->(a:Actor) | [a.id, a.name, a.kind]][0],
                                         m.kind, m.name, m.tax_scheme, m.tax_id]] AS parties
