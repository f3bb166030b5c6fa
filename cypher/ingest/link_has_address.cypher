// title: Upsert HAS_ADDRESS links
// purpose: MERGE (Mention)-[:HAS_ADDRESS]->(Address) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Mention {id: row.src})
MATCH (b:Address {id: row.dst})
MERGE (a)-[r:HAS_ADDRESS]->(b)
