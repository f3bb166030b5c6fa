// title: Q7 Odd routes
// purpose: Which routes are odd: sea discharge in a landlocked country, transshipment through listed hubs (e.g. the countries named in the 2022 FinCEN/BIS alert)? Counts per finding and port, with example records.
// mode: read
// param hub_countries (list of strings): transshipment countries to report; example: ["AE", "AM", "GE", "KG", "KZ", "TJ", "TR", "UZ"]
// param limit (integer): rows at most; example: 50
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
CALL () {
  MATCH (c:Consignment)-[:DISCHARGED_AT]->(p:Port)-[:IN_COUNTRY]->(k:Country)
  WHERE k.landlocked = true AND p.is_seaport = true AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN c, 'sea discharge in a landlocked country' AS finding, p AS port
  UNION
  MATCH (c:Consignment)-[:TRANSSHIPPED_AT]->(p:Port)
  WHERE p.country IN $hub_countries AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN c, 'transshipment through a listed hub' AS finding, p AS port
}
WITH finding, port, c ORDER BY c.shipment_date
RETURN finding, port.locode AS port, port.name AS port_name, port.country AS country, count(c) AS records,
       collect({record_id: c.record_id, originator: c.originator, reporting_country: coalesce(c.reporting_country, c.originator), file: c.source_file, row: c.source_row, date: c.shipment_date})[..5] AS examples
ORDER BY records DESC, finding, port
LIMIT $limit
