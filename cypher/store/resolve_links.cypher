// title: Link mentions to their actors
// purpose: Each mention resolves to exactly one actor; the link carries the score, the method and the evidence (features and weights, JSON).
// mode: write
// param rows (list of maps): mention_id, actor_id, score, method, evidence; example: [{"mention_id": "men_0", "actor_id": "act_0", "score": 1.0, "method": "rule", "evidence": "[]"}]
UNWIND $rows AS row
MATCH (m:Mention {id: row.mention_id})
MATCH (a:Actor {id: row.actor_id})
OPTIONAL MATCH (m)-[old:RESOLVES_TO]->(other:Actor)
WHERE other.id <> row.actor_id
DELETE old
WITH DISTINCT m, a, row
MERGE (m)-[r:RESOLVES_TO]->(a)
SET r.score = row.score, r.method = row.method, r.evidence = row.evidence
