// title: Container and its records
// purpose: A container by number: its node, the ids of its visible records oldest first, and the visible seizures of it.
// mode: read
// param number (string): ISO 6346 number; example: "MSCU1234566"
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (k:Container {number: $number})
CALL (k) {
  OPTIONAL MATCH (k)<-[:IN_CONTAINER]-(c:Consignment)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  WITH c ORDER BY coalesce(c.shipment_date, ''), c.id
  RETURN collect(c.id) AS records
}
CALL (k) {
  OPTIONAL MATCH (k)<-[:SEIZED_CONTAINER]-(s:Seizure)
  WHERE ($viewer_country IS NULL OR s.originator = $viewer_country OR coalesce(s.scope_kind, 'network') = 'network' OR (s.scope_kind = 'countries' AND $viewer_country IN coalesce(s.scope_countries, [])) OR (s.scope_kind = 'group' AND s.scope_group IN $viewer_groups))
  WITH s ORDER BY coalesce(s.seizure_date, ''), s.id
  RETURN collect(properties(s)) AS seizures
}
RETURN k.id AS id, properties(k) AS props, records, seizures
