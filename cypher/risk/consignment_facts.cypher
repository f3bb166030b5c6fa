// title: Risk facts of consignments
// purpose: One row per visible consignment with what the risk indicators and the actor projection read: dates, HS-6, description, mass, value, mode, ports (loading, discharge, delivery, transshipments in order), containers, and each party's role, actor and tax id. Streamed by consignet.analysis (one pass over the records).
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (c:Consignment)
WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
CALL (c) {
  OPTIONAL MATCH (c)-[:LOADED_AT]->(pl:Port)
  OPTIONAL MATCH (c)-[:DISCHARGED_AT]->(pd:Port)
  OPTIONAL MATCH (c)-[:DELIVERED_AT]->(pv:Port)
  RETURN head(collect(pl.locode)) AS pol, head(collect(pd.locode)) AS pod, head(collect(pv.locode)) AS delivery
}
CALL (c) {
  OPTIONAL MATCH (c)-[t:TRANSSHIPPED_AT]->(p:Port)
  WITH t, p ORDER BY coalesce(t.seq, 0), p.locode
  RETURN collect(p.locode) AS tss
}
CALL (c) {
  OPTIONAL MATCH (c)-[:IN_CONTAINER]->(k:Container)
  WITH k ORDER BY k.number
  RETURN collect(k.number) AS containers
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_PARTY]->(m:Mention)
  OPTIONAL MATCH (m)-[:RESOLVES_TO]->(a:Actor)
  WITH m, a ORDER BY m.role, m.name, a.id
  RETURN collect(CASE WHEN m IS NULL THEN NULL ELSE {role: m.role, actor: a.id, actor_name: a.name,
                 kind: coalesce(a.kind, m.kind), name: m.name, tax_scheme: m.tax_scheme, tax_id: m.tax_id} END) AS parties
}
RETURN c.id AS id, c.record_id AS record_id, c.originator AS originator,
       coalesce(c.reporting_country, c.originator) AS reporting_country, c.source_file AS file,
       c.source_row AS row, c.ingest_run AS ingest_run, c.shipment_date AS date, c.departure_date AS departure,
       c.arrival_date AS arrival, c.hs6 AS hs6, c.goods_description AS description, c.gross_mass_kg AS mass,
       c.value AS value, c.currency AS currency, c.packages AS packages, c.transport_mode AS mode,
       pol, pod, delivery, tss, containers, parties
ORDER BY id
