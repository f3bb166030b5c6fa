// title: Upsert SEIZED links
// purpose: MERGE (Seizure)-[:SEIZED]->(Consignment) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Seizure {id: row.src})
MATCH (b:Consignment {id: row.dst})
MERGE (a)-[r:SEIZED]->(b)
