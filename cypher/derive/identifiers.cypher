// title: Refresh dates and counts of identifiers
// purpose: Tax ids, phones, e-mails and addresses carry the first and last shipment date and the number of consignments whose parties used them.
// mode: write
MATCH (n:TaxId|Phone|Email|Address)
CALL (n) {
  OPTIONAL MATCH (c:Consignment)-[:HAS_PARTY]->(:Mention)-->(n)
  WITH n, count(DISTINCT c) AS records, min(c.shipment_date) AS first, max(c.shipment_date) AS last
  SET n.record_count = records, n.first_date = first, n.last_date = last
} IN TRANSACTIONS OF 5000 ROWS
