// title: Mention assignments
// purpose: One row per visible party mention: source file and row, record id, role, raw name, reporting country, the actor it resolves to and the score (for export and audit).
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (m:Mention)
WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
OPTIONAL MATCH (m)-[r:RESOLVES_TO]->(a:Actor)
RETURN m.source_file AS file, m.source_row AS row, m.record_id AS record_id, m.role AS role,
       m.name AS name, coalesce(m.reporting_country, m.originator) AS reporting_country,
       m.originator AS originator, m.id AS mention_id, a.id AS actor_id, r.score AS score
ORDER BY file, row, role
