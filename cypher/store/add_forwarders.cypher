// title: Add forwarding countries to records
// purpose: A record forwarded again adds provenance (the forwarding country), not a second record.
// mode: write
// param rows (list of maps): record id and countries; example: [{"id": "csg_0", "countries": ["GE"]}]
UNWIND $rows AS row
MATCH (c:Consignment {id: row.id})
SET c.forwarded_by = reduce(acc = coalesce(c.forwarded_by, []), x IN row.countries |
  CASE WHEN x IN acc THEN acc ELSE acc + x END)
