// title: Upsert RESOLVES_TO links
// purpose: MERGE (Mention)-[:RESOLVES_TO]->(Actor) links; a link whose end is missing is not made.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Mention {id: row.src})
MATCH (b:Actor {id: row.dst})
MERGE (a)-[r:RESOLVES_TO]->(b)
SET r += row.props
