// title: Vessel, ports and voyages
// purpose: A vessel by IMO number: its node, the ports of its visible consignments by role (loading, discharge, transshipment, delivery) with records and first/last date, its voyages, and one page of record ids oldest first with the total.
// mode: read
// param imo (string): IMO number, 7 digits; example: "9074729"
// param offset (integer): records to skip; example: 0
// param limit (integer): records per page; example: 50
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (v:Vessel {imo: $imo})
CALL (v) {
  OPTIONAL MATCH (v)<-[:ON_VESSEL]-(c:Consignment)-[r:LOADED_AT|DISCHARGED_AT|TRANSSHIPPED_AT|DELIVERED_AT]->(p:Port)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  WITH p, type(r) AS role, count(DISTINCT c) AS records, min(c.shipment_date) AS first_date,
       max(c.shipment_date) AS last_date
  WHERE p IS NOT NULL
  ORDER BY records DESC, p.locode, role
  RETURN collect({id: p.id, locode: p.locode, name: p.name, country: p.country, role: role, records: records,
                  first_date: first_date, last_date: last_date}) AS ports
}
CALL (v) {
  OPTIONAL MATCH (v)<-[o:ON_VESSEL]-(c:Consignment)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  WITH c, coalesce(o.voyage, c.voyage) AS voyage ORDER BY coalesce(c.shipment_date, ''), c.id
  RETURN collect(c.id) AS records, collect(DISTINCT voyage) AS voyages, min(c.shipment_date) AS first_seen,
         max(c.shipment_date) AS last_seen
}
RETURN v.id AS id, properties(v) AS props, ports, size(records) AS total, records[$offset..$offset + $limit] AS page,
       voyages, first_seen, last_seen
