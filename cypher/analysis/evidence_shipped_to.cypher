// title: Evidence of SHIPPED_TO links
// purpose: The records on which one actor is consignor or seller and the other consignee or buyer, visible and filtered, oldest first, paged, with the total.
// mode: read
// param items (list of maps): source and target element ids of the links; example: [{"source": "", "target": ""}]
// param offset (integer): records to skip; example: 0
// param limit (integer): records per link at most; example: 3
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
UNWIND $items AS item
MATCH (a) WHERE elementId(a) = item.source
MATCH (b) WHERE elementId(b) = item.target
CALL (a, b) {
  OPTIONAL MATCH (a)<-[:RESOLVES_TO]-(ms:Mention)<-[:HAS_PARTY]-(c:Consignment)-[:HAS_PARTY]->(mr:Mention)-[:RESOLVES_TO]->(b)
  WHERE ms.role IN ['consignor', 'seller'] AND mr.role IN ['consignee', 'buyer']
    AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
    AND ($date_from IS NULL OR c.shipment_date >= $date_from)
  AND ($date_to IS NULL OR c.shipment_date <= $date_to)
  AND ($countries IS NULL OR c.originator IN $countries)
  AND ($hs_prefix IS NULL OR c.hs6 STARTS WITH $hs_prefix)
  WITH DISTINCT c ORDER BY coalesce(c.shipment_date, ''), c.id
  WITH collect(c) AS cs
  RETURN size(cs) AS total, [c IN cs[$offset..$offset + $limit] | {record: c.id, record_type: 'Consignment', record_id: c.record_id, originator: c.originator, reporting_country: coalesce(c.reporting_country, c.originator), file: c.source_file, row: c.source_row, date: c.shipment_date, role: null}] AS records
}
RETURN item, total, records
