// title: Refresh dates and counts of shared nodes
// purpose: Ports, containers, vessels, routes, commodities, B/Ls and seals carry the first and last shipment date and the number of consignments behind them.
// mode: write
MATCH (n:Port|Container|Vessel|Route|Commodity|BillOfLading|Seal)
CALL (n) {
  OPTIONAL MATCH (c:Consignment)-->(n)
  WITH n, count(DISTINCT c) AS records, min(c.shipment_date) AS first, max(c.shipment_date) AS last
  SET n.record_count = records, n.first_date = first, n.last_date = last
} IN TRANSACTIONS OF 5000 ROWS
