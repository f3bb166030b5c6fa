// title: SHIPPED_TO among actors
// purpose: The SHIPPED_TO links between actors of a set (to tell related from unrelated users of a container).
// mode: read
// param ids (list of strings): actor ids; example: ["act_0", "act_1"]
MATCH (x:Actor)-[:SHIPPED_TO]->(y:Actor)
WHERE x.id IN $ids AND y.id IN $ids
RETURN x.id AS source, y.id AS target
ORDER BY source, target
