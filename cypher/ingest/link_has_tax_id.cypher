// title: Upsert HAS_TAX_ID links
// purpose: MERGE (Mention)-[:HAS_TAX_ID]->(TaxId) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Mention {id: row.src})
MATCH (b:TaxId {id: row.dst})
MERGE (a)-[r:HAS_TAX_ID]->(b)
