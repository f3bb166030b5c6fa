// title: Copy each record's vessel and route ids onto its mentions
// purpose: Upgrades a graph written before mentions carried vessel_id and route_id (as they carry the record's date): run once when the store is opened, then remembered in a Meta value (Neo4jStore.ensure_schema). Ingest writes both on every mention since; the fast actor profile counts an actor's vessels and routes from them. 54 s on the 1M-consignment graph.
// mode: write
MATCH (c:Consignment)
CALL (c) {
  OPTIONAL MATCH (c)-[:ON_VESSEL]->(v:Vessel)
  OPTIONAL MATCH (c)-[:FOLLOWS_ROUTE]->(r:Route)
  WITH c, min(v.id) AS vessel_id, min(r.id) AS route_id
  MATCH (c)-[:HAS_PARTY]->(m:Mention)
  SET m.vessel_id = vessel_id, m.route_id = route_id
} IN TRANSACTIONS OF 5000 ROWS
