// title: Upsert REPORTED_BY links
// purpose: MERGE (Consignment)-[:REPORTED_BY]->(Country) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Consignment {id: row.src})
MATCH (b:Country {id: row.dst})
MERGE (a)-[r:REPORTED_BY]->(b)
