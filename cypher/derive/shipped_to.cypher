// title: Derive SHIPPED_TO between actors
// purpose: A consignor (or seller) actor shipped to a consignee (or buyer) actor: one link per pair with first/last date, record count, originator countries, HS-6 codes and the ids of its 10 oldest records (evidence_ids: records are visited oldest first, so the first ten appended are the oldest; the API reads a link's first page of evidence from them instead of walking the records).
// mode: write
MATCH (c:Consignment)
WITH c ORDER BY coalesce(c.shipment_date, ''), c.id
CALL (c) {
  MATCH (c)-[:HAS_PARTY]->(ms:Mention)-[:RESOLVES_TO]->(s:Actor)
  WHERE ms.role IN ['consignor', 'seller']
  MATCH (c)-[:HAS_PARTY]->(mr:Mention)-[:RESOLVES_TO]->(r:Actor)
  WHERE mr.role IN ['consignee', 'buyer'] AND r <> s
  WITH DISTINCT c, s, r
  MERGE (s)-[l:SHIPPED_TO]->(r)
  ON CREATE SET l.record_count = 1, l.first_date = c.shipment_date, l.last_date = c.shipment_date,
    l.originators = [c.originator], l.hs6s = CASE WHEN c.hs6 IS NULL THEN [] ELSE [c.hs6] END,
    l.evidence_ids = [c.id]
  ON MATCH SET l.record_count = l.record_count + 1,
    l.first_date = CASE WHEN l.first_date IS NULL OR c.shipment_date < l.first_date THEN c.shipment_date ELSE l.first_date END,
    l.last_date = CASE WHEN l.last_date IS NULL OR c.shipment_date > l.last_date THEN c.shipment_date ELSE l.last_date END,
    l.originators = CASE WHEN c.originator IN l.originators THEN l.originators ELSE l.originators + c.originator END,
    l.hs6s = CASE WHEN c.hs6 IS NULL OR c.hs6 IN l.hs6s OR size(l.hs6s) >= 50 THEN l.hs6s ELSE l.hs6s + c.hs6 END,
    l.evidence_ids = CASE WHEN size(l.evidence_ids) >= 10 THEN l.evidence_ids ELSE l.evidence_ids + c.id END
} IN TRANSACTIONS OF 2000 ROWS
