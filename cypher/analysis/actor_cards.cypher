// title: Actor cards
// purpose: For a page of actors: name variants (most frequent first), the earliest record from each originator country as evidence, and the main counterparties (consignor/seller to consignee/buyer, both directions), over visible records passing the filters.
// mode: read
// param ids (list of strings): actor ids; example: ["act_0"]
// param names_limit (integer): name variants per actor; example: 10
// param evidence_limit (integer): evidence records per actor; example: 3
// param counterparties_limit (integer): counterparties per actor; example: 5
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
CALL (a) {
  MATCH (a)<-[:RESOLVES_TO]-(m:Mention)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR coalesce(m.shipment_date, m.seizure_date) >= $date_from)
  AND ($date_to IS NULL OR coalesce(m.shipment_date, m.seizure_date) <= $date_to)
  AND ($countries IS NULL OR m.originator IN $countries)
  AND ($hs_prefix IS NULL OR coalesce(m.hs6, m.hs_code) STARTS WITH $hs_prefix
       OR any(party_hs IN [(party_of:Consignment)-[:HAS_PARTY]->(m) | party_of.hs6] WHERE party_hs STARTS WITH $hs_prefix))
  WITH m.name AS name, count(*) AS k
  ORDER BY k DESC, name
  RETURN collect(name)[..$names_limit] AS names, sum(k) AS evidence_total
}
CALL (a) {
  MATCH (a)<-[:RESOLVES_TO]-(m:Mention)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR coalesce(m.shipment_date, m.seizure_date) >= $date_from)
  AND ($date_to IS NULL OR coalesce(m.shipment_date, m.seizure_date) <= $date_to)
  AND ($countries IS NULL OR m.originator IN $countries)
  AND ($hs_prefix IS NULL OR coalesce(m.hs6, m.hs_code) STARTS WITH $hs_prefix
       OR any(party_hs IN [(party_of:Consignment)-[:HAS_PARTY]->(m) | party_of.hs6] WHERE party_hs STARTS WITH $hs_prefix))
  WITH m ORDER BY coalesce(m.shipment_date, ''), m.consignment_id, coalesce(m.role, '')
  WITH m.originator AS country, collect(m)[0] AS m
  WITH m ORDER BY coalesce(m.shipment_date, ''), m.consignment_id, coalesce(m.role, '')
  RETURN collect({record: m.consignment_id, record_type: 'Consignment', record_id: m.record_id, originator: m.originator, reporting_country: coalesce(m.reporting_country, m.originator), file: m.source_file, row: m.source_row, date: m.shipment_date, role: m.role})[..$evidence_limit] AS evidence
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
RETURN a.id AS id, names, evidence_total, evidence, counterparties
