// title: Upsert CARRIES links
// purpose: MERGE (Consignment)-[:CARRIES]->(Commodity) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Consignment {id: row.src})
MATCH (b:Commodity {id: row.dst})
MERGE (a)-[r:CARRIES]->(b)
SET r += row.props
