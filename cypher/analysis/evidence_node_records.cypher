// title: Evidence of shared nodes
// purpose: The consignments linked to containers, vessels, ports, routes, commodities, B/Ls, seals or countries, visible and filtered, oldest first, paged, with the total (the stored record count when nothing is filtered).
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
  RETURN CASE WHEN $viewer_country IS NULL AND $date_from IS NULL AND $date_to IS NULL AND $countries IS NULL AND $hs_prefix IS NULL THEN coalesce(x.record_count, COUNT { (x)<-[:REPORTED_BY]-() })
    ELSE COUNT { MATCH (x)<--(c:Consignment) WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups)) AND ($date_from IS NULL OR c.shipment_date >= $date_from)
  AND ($date_to IS NULL OR c.shipment_date <= $date_to)
  AND ($countries IS NULL OR c.originator IN $countries)
  AND ($hs_prefix IS NULL OR c.hs6 STARTS WITH $hs_prefix) RETURN DISTINCT c } END AS total
}
CALL (x) {
  MATCH (x)<--(c:Consignment)
  WHERE $limit > 0 AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR c.shipment_date >= $date_from)
  AND ($date_to IS NULL OR c.shipment_date <= $date_to)
  AND ($countries IS NULL OR c.originator IN $countries)
  AND ($hs_prefix IS NULL OR c.hs6 STARTS WITH $hs_prefix)
  WITH DISTINCT c ORDER BY coalesce(c.shipment_date, ''), c.id SKIP $offset LIMIT $limit
  RETURN collect({record: c.id, record_type: 'Consignment', record_id: c.record_id, originator: c.originator, reporting_country: coalesce(c.reporting_country, c.originator), file: c.source_file, row: c.source_row, date: c.shipment_date, role: null}) AS records
}
RETURN eid AS item, total, records
