// title: Evidence of SHIPPED_TO links
// purpose: The records on which one actor is consignor or seller and the other consignee or buyer, visible and filtered, oldest first, paged, with the total.
// mode: read
// param items (list of maps): the links: key (returned as given), start (element id of the end to walk from, the one with fewer links), other (element id of the other end), from_source (true when start is the link's source); example: [{"key": "0", "start": "", "other": "", "from_source": true}]
// param offset (integer): records to skip; example: 0
// param limit (integer): records per link at most; example: 3
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
UNWIND $items AS item
MATCH (x) WHERE elementId(x) = item.start
CALL (x, item) {
  OPTIONAL MATCH (x)<-[:RESOLVES_TO]-(mx:Mention)<-[:HAS_PARTY]-(c:Consignment)
  WHERE (CASE WHEN item.from_source THEN mx.role IN ['consignor', 'seller'] ELSE mx.role IN ['consignee', 'buyer'] END)
    AND EXISTS { MATCH (c)-[:HAS_PARTY]->(my:Mention)-[:RESOLVES_TO]->(y)
                 WHERE elementId(y) = item.other
                   AND CASE WHEN item.from_source THEN my.role IN ['consignee', 'buyer'] ELSE my.role IN ['consignor', 'seller'] END }
  RETURN c
}
WITH DISTINCT item, c
WHERE c IS NULL OR (($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  AND ($date_from IS NULL OR c.shipment_date >= $date_from)
  AND ($date_to IS NULL OR c.shipment_date <= $date_to)
  AND ($countries IS NULL OR c.originator IN $countries)
  AND ($hs_prefix IS NULL OR c.hs6 STARTS WITH $hs_prefix))
WITH item, c ORDER BY coalesce(c.shipment_date, ''), c.id
WITH item, collect(c) AS cs
RETURN item.key AS item, size(cs) AS total, [c IN cs[$offset..$offset + $limit] | {record: c.id, record_type: 'Consignment', record_id: c.record_id, originator: c.originator, reporting_country: coalesce(c.reporting_country, c.originator), file: c.source_file, row: c.source_row, date: c.shipment_date, role: null}] AS records
