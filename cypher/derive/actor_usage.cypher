// title: Derive USES_IDENTIFIER and USED_CONTAINER
// purpose: An actor uses the identifiers its mentions carry and the containers of its consignments: one link per pair with first/last date, the number of records (each record counted once per pair) and the ids of its 10 oldest records (evidence_ids: records are visited oldest first).
// mode: write
MATCH (c:Consignment)
WITH c ORDER BY coalesce(c.shipment_date, ''), c.id
CALL (c) {
  MATCH (c)-[:HAS_PARTY]->(m:Mention)-[:RESOLVES_TO]->(a:Actor)
  MATCH (m)-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]->(i)
  WITH DISTINCT c, a, i
  MERGE (a)-[u:USES_IDENTIFIER]->(i)
  ON CREATE SET u.record_count = 1, u.first_date = c.shipment_date, u.last_date = c.shipment_date,
    u.evidence_ids = [c.id]
  ON MATCH SET u.record_count = u.record_count + 1,
    u.evidence_ids = CASE WHEN size(u.evidence_ids) >= 10 THEN u.evidence_ids ELSE u.evidence_ids + c.id END,
    u.first_date = CASE WHEN u.first_date IS NULL OR c.shipment_date < u.first_date THEN c.shipment_date ELSE u.first_date END,
    u.last_date = CASE WHEN u.last_date IS NULL OR c.shipment_date > u.last_date THEN c.shipment_date ELSE u.last_date END
} IN TRANSACTIONS OF 2000 ROWS
CALL (c) {
  MATCH (c)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(a:Actor)
  WITH DISTINCT c, a
  MATCH (c)-[:IN_CONTAINER]->(k:Container)
  MERGE (a)-[u:USED_CONTAINER]->(k)
  ON CREATE SET u.record_count = 1, u.first_date = c.shipment_date, u.last_date = c.shipment_date,
    u.evidence_ids = [c.id]
  ON MATCH SET u.record_count = u.record_count + 1,
    u.evidence_ids = CASE WHEN size(u.evidence_ids) >= 10 THEN u.evidence_ids ELSE u.evidence_ids + c.id END,
    u.first_date = CASE WHEN u.first_date IS NULL OR c.shipment_date < u.first_date THEN c.shipment_date ELSE u.first_date END,
    u.last_date = CASE WHEN u.last_date IS NULL OR c.shipment_date > u.last_date THEN c.shipment_date ELSE u.last_date END
} IN TRANSACTIONS OF 2000 ROWS
