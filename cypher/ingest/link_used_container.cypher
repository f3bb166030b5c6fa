// title: Upsert USED_CONTAINER links
// purpose: MERGE (Actor)-[:USED_CONTAINER]->(Container) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Actor {id: row.src})
MATCH (b:Container {id: row.dst})
MERGE (a)-[r:USED_CONTAINER]->(b)
SET r += row.props
