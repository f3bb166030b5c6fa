// title: Mentions for resolution
// purpose: Every mention (or only those not yet resolved) with what the resolver needs: identifiers, containers, B/Ls and counterparties of its record.
// mode: read
// param only_unresolved (boolean): only mentions without an actor; example: false
MATCH (c:Consignment)-[:HAS_PARTY]->(m:Mention)
OPTIONAL MATCH (m)-[:RESOLVES_TO]->(a:Actor)
WITH c, m, a
WHERE NOT $only_unresolved OR a IS NULL
CALL (c, m) {
  OPTIONAL MATCH (c)-[:HAS_PARTY]->(o:Mention) WHERE o <> m
  RETURN collect(o.name) AS counterparties
}
CALL (c) {
  OPTIONAL MATCH (c)-[:IN_CONTAINER]->(k:Container)
  RETURN collect(k.number) AS containers
}
CALL (c) {
  OPTIONAL MATCH (c)-[:UNDER_BL]->(b:BillOfLading)
  RETURN collect(b.number) AS bl_numbers
}
RETURN m.id AS id, m.name AS name, m.kind AS kind, m.country AS country, m.originator AS originator,
       m.role AS role, m.consignment_id AS consignment_id, m.shipment_date AS shipment_date,
       m.tax_scheme AS tax_scheme, m.tax_id AS tax_id, m.tax_valid AS tax_valid, m.phone AS phone,
       m.email AS email, m.address AS address, m.city AS city, m.source_file AS source_file,
       m.source_row AS source_row, m.record_id AS record_id, m.reporting_country AS reporting_country,
       a.id AS actor_id, containers, bl_numbers, counterparties
ORDER BY id
