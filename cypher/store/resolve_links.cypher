// title: Link mentions to their actors
// purpose: Each mention resolves to exactly one actor; the link carries the score, the method and the evidence (features and weights, JSON).
// mode: write
// param rows (list of maps): mention_id, actor_id, score, method, evidence; example: [{"mention_id": "men_0", "actor_id": "act_0", "score": 1.0, "method": "rule", "evidence": "[]"}]
UNWIND $rows AS row
MATCH (m:Mention {id: row.mention_id})
MATCH (a:Actor {id: row.actor_id})
// The old link goes in a subquery expanding from the bound mention. Written as an OPTIONAL MATCH
// filtered on the actor's id, the planner chose -- while no RESOLVES_TO existed yet, i.e. on a store's
// first resolution -- to scan every Actor for each row (20 s per 1,000 rows at 6,500 actors).
CALL (m, a) {
  MATCH (m)-[old:RESOLVES_TO]->(other)
  WHERE other <> a
  DELETE old
}
MERGE (m)-[r:RESOLVES_TO]->(a)
SET r.score = row.score, r.method = row.method, r.evidence = row.evidence
