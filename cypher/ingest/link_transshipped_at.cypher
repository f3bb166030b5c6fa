// title: Upsert TRANSSHIPPED_AT links
// purpose: MERGE (Consignment)-[:TRANSSHIPPED_AT]->(Port) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Consignment {id: row.src})
MATCH (b:Port {id: row.dst})
MERGE (a)-[r:TRANSSHIPPED_AT]->(b)
SET r += row.props
