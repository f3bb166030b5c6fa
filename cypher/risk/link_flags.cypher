// title: Link flags to what they flag
// purpose: MERGE (Flag)-[:FLAGS]->(target) for flags just written; the target is an actor, container, identifier, vessel, B/L or consignment found by its id (a flag whose target is missing gets no link).
// mode: write
// param rows (list of maps): flag id and target id; example: [{"src": "flg_0", "dst": "act_0"}]
UNWIND $rows AS row
MATCH (f:Flag {id: row.src})
MATCH (t:Actor|Container|TaxId|Phone|Email|Address|Vessel|BillOfLading|Consignment {id: row.dst})
MERGE (f)-[:FLAGS]->(t)
