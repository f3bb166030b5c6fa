// title: Actors, consignments and repeat actors (unrestricted view)
// purpose: The counts of store/summary_counts for the operator's unrestricted view, from the count store and the actors' derived originator counts (refreshed after every ingest and resolution): constant time on a million records, where the scoped query aggregates every mention. GET /health answers with it.
// mode: read
CALL () {
  MATCH (a:Actor) WHERE a.originator_count >= 1
  RETURN count(a) AS actors
}
CALL () {
  MATCH (a:Actor) WHERE a.originator_count >= 2
  RETURN count(a) AS repeat_actors
}
CALL () {
  MATCH (c:Consignment)
  RETURN count(c) AS consignments
}
RETURN actors, consignments, repeat_actors
