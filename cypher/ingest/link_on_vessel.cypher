// title: Upsert ON_VESSEL links
// purpose: MERGE (Consignment)-[:ON_VESSEL]->(Vessel) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Consignment {id: row.src})
MATCH (b:Vessel {id: row.dst})
MERGE (a)-[r:ON_VESSEL]->(b)
SET r += row.props
