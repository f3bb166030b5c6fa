// title: Create new Seizure nodes
// purpose: Fast path for records ingest has just classified as new: CREATE, not MERGE.
// mode: write
// param rows (list of maps): one map of properties per node, `id` included; example: [{"id": "x_0"}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
CREATE (n:Seizure)
SET n = row
