// title: Q2 Actors within two hops of a seizure
// purpose: Who is within two hops of a seizure through a shared phone, address, tax ID, e-mail, container or B/L? Starts from the actors on the seized consignment or on records in the seized container; one hop is two actors sharing an identifier that is not common (used by fewer than common_threshold actors).
// mode: read
// param seizure_id (string or null): one seizure's node id, null for all seizures; example: null
// param common_threshold (integer): identifiers used by this many actors are not links; example: 10
// param limit (integer): rows at most; example: 100
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (s:Seizure)
WHERE ($seizure_id IS NULL OR s.id = $seizure_id) AND ($viewer_country IS NULL OR s.originator = $viewer_country OR coalesce(s.scope_kind, 'network') = 'network' OR (s.scope_kind = 'countries' AND $viewer_country IN coalesce(s.scope_countries, [])) OR (s.scope_kind = 'group' AND s.scope_group IN $viewer_groups))
CALL (s) {
  MATCH (s)-[:SEIZED]->(c:Consignment)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(a0:Actor)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN DISTINCT a0
  UNION
  MATCH (s)-[:SEIZED_CONTAINER]->(:Container)<-[:IN_CONTAINER]-(c:Consignment)-[:HAS_PARTY]->(:Mention)
        -[:RESOLVES_TO]->(a0:Actor)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN DISTINCT a0
}
CALL (a0) {
  MATCH (a0)-[:USES_IDENTIFIER|USED_CONTAINER]->(i)<-[:USES_IDENTIFIER|USED_CONTAINER]-(a1:Actor)
  WHERE a1 <> a0 AND COUNT { (i)<-[:USES_IDENTIFIER|USED_CONTAINER]-() } < $common_threshold
  RETURN a1, labels(i)[0] AS via_label, coalesce(i.e164, i.address, i.value, i.text, i.number) AS via_value
  UNION
  MATCH (a0)<-[:RESOLVES_TO]-(:Mention)<-[:HAS_PARTY]-(:Consignment)-[:UNDER_BL]->(i:BillOfLading)
        <-[:UNDER_BL]-(:Consignment)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(a1:Actor)
  WHERE a1 <> a0 AND COUNT { (i)<-[:UNDER_BL]-() } < $common_threshold
  RETURN a1, 'BillOfLading' AS via_label, i.number AS via_value
}
WITH s, a0, a1, via_label, via_value
OPTIONAL CALL (a1, a0) {
  MATCH (a1)-[:USES_IDENTIFIER|USED_CONTAINER]->(i)<-[:USES_IDENTIFIER|USED_CONTAINER]-(a2:Actor)
  WHERE a2 <> a1 AND a2 <> a0 AND COUNT { (i)<-[:USES_IDENTIFIER|USED_CONTAINER]-() } < $common_threshold
  RETURN a2, labels(i)[0] AS via_label_2, coalesce(i.e164, i.address, i.value, i.text, i.number) AS via_value_2
  UNION
  MATCH (a1)<-[:RESOLVES_TO]-(:Mention)<-[:HAS_PARTY]-(:Consignment)-[:UNDER_BL]->(i:BillOfLading)
        <-[:UNDER_BL]-(:Consignment)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(a2:Actor)
  WHERE a2 <> a1 AND a2 <> a0 AND COUNT { (i)<-[:UNDER_BL]-() } < $common_threshold
  RETURN a2, 'BillOfLading' AS via_label_2, i.number AS via_value_2
}
WITH s, a0, a1, via_label, via_value, a2, via_label_2, via_value_2
RETURN s.record_id AS seizure, s.originator AS seized_by, s.seizure_date AS seized_on, a0.name AS involved,
       a1.id AS hop1_actor, a1.name AS hop1_name, via_label + ' ' + via_value AS hop1_via,
       a2.id AS hop2_actor, a2.name AS hop2_name,
       CASE WHEN a2 IS NULL THEN null ELSE via_label_2 + ' ' + via_value_2 END AS hop2_via
ORDER BY seizure, involved, hop1_name, hop2_name
LIMIT $limit
