// title: Risk facts of seizures
// purpose: Visible seizures with the consignments and containers they name (SEIZED, SEIZED_CONTAINER) and the actors named by an analyst's report: the seeds of the proximity indicator and of alerts.
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (s:Seizure)
WHERE ($viewer_country IS NULL OR s.originator = $viewer_country OR coalesce(s.scope_kind, 'network') = 'network' OR (s.scope_kind = 'countries' AND $viewer_country IN coalesce(s.scope_countries, [])) OR (s.scope_kind = 'group' AND s.scope_group IN $viewer_groups))
CALL (s) {
  OPTIONAL MATCH (s)-[:SEIZED]->(c:Consignment)
  WITH c ORDER BY c.id
  RETURN collect(c.id) AS consignments
}
CALL (s) {
  OPTIONAL MATCH (s)-[:SEIZED_CONTAINER]->(k:Container)
  WITH k ORDER BY k.number
  RETURN collect(k.number) AS containers
}
RETURN s.id AS id, s.record_id AS record_id, s.originator AS originator,
       coalesce(s.reporting_country, s.originator) AS reporting_country, s.source_file AS file,
       s.source_row AS row, s.ingest_run AS ingest_run, s.seizure_date AS date, s.place AS place,
       s.reason AS reason, s.hs_code AS hs_code, consignments, containers, coalesce(s.actors, []) AS actors
ORDER BY id
