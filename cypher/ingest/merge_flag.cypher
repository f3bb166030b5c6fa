// title: Upsert Flag nodes
// purpose: MERGE Flag nodes on their deterministic id and set their properties.
// mode: write
// param rows (list of maps): one map of properties per node, `id` included; example: [{"id": "x_0"}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Flag {id: row.id})
ON CREATE SET n += row
ON MATCH SET n += row
