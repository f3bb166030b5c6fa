// title: Evidence of actors
// purpose: The records behind actors (one entry per party mention: record, role, reporting country, file, row, date), visible and filtered, oldest first, paged, with the total.
// mode: read
// param items (list of strings): element ids of the nodes; example: []
// param offset (integer): records to skip; example: 0
// param limit (integer): records per node at most; example: 3
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
UNWIND $items AS eid
MATCH (x) WHERE elementId(x) = eid
CALL (x) {
  RETURN CASE WHEN $viewer_country IS NULL AND $date_from IS NULL AND $date_to IS NULL AND $countries IS NULL AND $hs_prefix IS NULL THEN COUNT { (x)<-[:RESOLVES_TO]-() }
    ELSE COUNT { MATCH (x)<-[:RESOLVES_TO]-(m:Mention) WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups)) AND ($date_from IS NULL OR coalesce(m.shipment_date, m.seizure_date) >= $date_from)
  AND ($date_to IS NULL OR coalesce(m.shipment_date, m.seizure_date) <= $date_to)
  AND ($countries IS NULL OR m.originator IN $countries)
  AND ($hs_prefix IS NULL OR coalesce(m.hs6, m.hs_code) STARTS WITH $hs_prefix
       OR any(party_hs IN [(party_of:Consignment)-[:HAS_PARTY]->(m) | party_of.hs6] WHERE party_hs STARTS WITH $hs_prefix)) } END AS total
}
CALL (x) {
  MATCH (x)<-[:RESOLVES_TO]-(m:Mention)
  WHERE $limit > 0 AND ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR coalesce(m.shipment_date, m.seizure_date) >= $date_from)
  AND ($date_to IS NULL OR coalesce(m.shipment_date, m.seizure_date) <= $date_to)
  AND ($countries IS NULL OR m.originator IN $countries)
  AND ($hs_prefix IS NULL OR coalesce(m.hs6, m.hs_code) STARTS WITH $hs_prefix
       OR any(party_hs IN [(party_of:Consignment)-[:HAS_PARTY]->(m) | party_of.hs6] WHERE party_hs STARTS WITH $hs_prefix))
  WITH m ORDER BY coalesce(m.shipment_date, ''), m.consignment_id, coalesce(m.role, '') SKIP $offset LIMIT $limit
  RETURN collect({record: m.consignment_id, record_type: 'Consignment', record_id: m.record_id, originator: m.originator, reporting_country: coalesce(m.reporting_country, m.originator), file: m.source_file, row: m.source_row, date: m.shipment_date, role: m.role}) AS records
}
RETURN eid AS item, total, records
