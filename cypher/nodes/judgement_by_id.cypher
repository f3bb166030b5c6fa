// title: Judgement by id
// purpose: One Judgement node with its labels and properties (the caller applies the scope).
// mode: read
// param id (string): the node id; example: "x_0"
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
MATCH (n:Judgement {id: $id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
