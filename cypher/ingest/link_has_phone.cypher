// title: Upsert HAS_PHONE links
// purpose: MERGE (Mention)-[:HAS_PHONE]->(Phone) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Mention {id: row.src})
MATCH (b:Phone {id: row.dst})
MERGE (a)-[r:HAS_PHONE]->(b)
