// title: Add the Company label to actors
// purpose: Actors resolved as company carry the extra label Company.
// mode: write
// param ids (list of strings): actor ids; example: ["act_0"]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
UNWIND $ids AS id
MATCH (a:Actor {id: id})
SET a:Company
