// title: Actors, consignments and repeat actors
// purpose: Actors seen in visible records, visible consignments, and actors seen in records of two or more originator countries.
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
CALL () {
  MATCH (m:Mention)-[:RESOLVES_TO]->(a:Actor)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
  WITH a, count(DISTINCT m.originator) AS countries
  RETURN count(a) AS actors, count(CASE WHEN countries >= 2 THEN 1 END) AS repeat_actors
}
CALL () {
  MATCH (c:Consignment)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN count(c) AS consignments
}
RETURN actors, consignments, repeat_actors
