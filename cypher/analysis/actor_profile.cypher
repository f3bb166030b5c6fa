// title: Actor profile
// purpose: One actor as seen in visible records (its visible mentions are read once and shared by the subqueries): names with their script, originator and party countries, legal forms, roles, identifiers (with how many actors use each), containers, vessels, routes and counterparties, each with records and first/last date, and its earliest records.
// mode: read
// param id (string): the actor id; example: "act_0"
// param list_limit (integer): entries per list; example: 50
// param counterparties_limit (integer): counterparties at most; example: 50
// param evidence_limit (integer): the actor's records shown, oldest first; example: 3
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
MATCH (a:Actor {id: $id})
WHERE (NOT a:Actor OR $viewer_country IS NULL OR EXISTS { MATCH (a)<-[:RESOLVES_TO]-(vm:Mention) WHERE ($viewer_country IS NULL OR vm.originator = $viewer_country OR coalesce(vm.scope_kind, 'network') = 'network' OR (vm.scope_kind = 'countries' AND $viewer_country IN coalesce(vm.scope_countries, [])) OR (vm.scope_kind = 'group' AND vm.scope_group IN $viewer_groups)) })
CALL (a) {
  MATCH (a)<-[:RESOLVES_TO]-(m:Mention)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
  RETURN collect(m) AS ms
}
CALL (ms) {
  UNWIND ms AS m
  WITH m ORDER BY coalesce(m.shipment_date, ''), m.consignment_id, coalesce(m.role, '')
  LIMIT $evidence_limit
  RETURN collect({record: m.consignment_id, record_type: 'Consignment', record_id: m.record_id, originator: m.originator, reporting_country: coalesce(m.reporting_country, m.originator), file: m.source_file, row: m.source_row, date: m.shipment_date, role: m.role}) AS evidence
}
CALL (ms) {
  UNWIND ms AS m
  WITH m.name AS name, m.script AS script, count(*) AS k
  ORDER BY k DESC, name, script
  RETURN collect({name: name, script: script, mentions: k}) AS names
}
CALL (ms) {
  UNWIND ms AS m
  RETURN collect(DISTINCT m.originator) AS originators, collect(DISTINCT m.country) AS party_countries,
         collect(DISTINCT m.legal_form) AS legal_forms, collect(DISTINCT m.role) AS roles,
         count(DISTINCT m.consignment_id) AS records, count(m) AS mentions,
         min(m.shipment_date) AS first_seen, max(m.shipment_date) AS last_seen
}
CALL (ms) {
  UNWIND ms AS m
  MATCH (m)-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]->(i)
  WITH i, count(DISTINCT m.consignment_id) AS records, min(m.shipment_date) AS first_date,
       max(m.shipment_date) AS last_date
  ORDER BY records DESC, i.id
  LIMIT $list_limit
  RETURN collect({id: i.id, labels: labels(i), props: i {.value, .scheme, .e164, .address, .text, .text_norm}, records: records, first_date: first_date,
                  last_date: last_date, actors: COUNT { (i)<-[:USES_IDENTIFIER]-() }}) AS identifiers
}
CALL (a) {
  MATCH (a)<-[:RESOLVES_TO]-(:Mention)<-[:HAS_PARTY]-(c:Consignment)-[l:IN_CONTAINER|ON_VESSEL|FOLLOWS_ROUTE]->(x)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  WITH type(l) AS kind, x, count(DISTINCT c) AS records, min(c.shipment_date) AS first_date,
       max(c.shipment_date) AS last_date
  ORDER BY kind, records DESC, x.id
  WITH kind, collect({x: x, records: records, first_date: first_date, last_date: last_date})[..$list_limit] AS top
  RETURN collect({kind: kind, items: [i IN top | {id: i.x.id, props: {number: i.x.number, name: i.x.name, imo: i.x.imo,
                                                  label: i.x.label}, records: i.records, first_date: i.first_date,
                                                  last_date: i.last_date}]}) AS usage
}
CALL (a) {
  MATCH (a)<-[:RESOLVES_TO]-(m:Mention)<-[:HAS_PARTY]-(c:Consignment)-[:HAS_PARTY]->(o:Mention)-[:RESOLVES_TO]->(p:Actor)
  WHERE p <> a AND ((m.role IN ['consignor', 'seller'] AND o.role IN ['consignee', 'buyer']) OR (m.role IN ['consignee', 'buyer'] AND o.role IN ['consignor', 'seller']))
    AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR c.shipment_date >= $date_from)
  AND ($date_to IS NULL OR c.shipment_date <= $date_to)
  AND ($countries IS NULL OR c.originator IN $countries)
  AND ($hs_prefix IS NULL OR c.hs6 STARTS WITH $hs_prefix)
  WITH p, CASE WHEN m.role IN ['consignor', 'seller'] THEN 'out' ELSE 'in' END AS direction, c
  WITH p, direction, count(DISTINCT c) AS records, min(c.shipment_date) AS first_date, max(c.shipment_date) AS last_date
  ORDER BY records DESC, p.id, direction
  RETURN collect({id: p.id, name: p.name, direction: direction, records: records, first_date: first_date,
                  last_date: last_date})[..$counterparties_limit] AS counterparties
}
RETURN a.id AS id, labels(a) AS labels, a {.kind, .name, .aliases} AS props, names, originators, party_countries, legal_forms,
       roles, records, mentions, first_seen, last_seen, identifiers, usage, counterparties, evidence
