// title: Drop actors
// purpose: Remove actors left without mentions after resolution (their ids live on as aliases).
// mode: write
// param ids (list of strings): actor ids; example: ["act_0"]
UNWIND $ids AS id
MATCH (a:Actor {id: id})
DETACH DELETE a
