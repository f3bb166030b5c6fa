// title: Search names
// purpose: Candidate actors for a name search: distinct (actor, name as written) of visible mentions whose normalised name (ASCII, lower case, legal form removed) has a word starting with one of the prefixes; the caller scores them with the resolution's name similarity.
// mode: read
// param prefixes (list of strings): word beginnings, ASCII lower case; example: ["shel"]
// param max_rows (integer): candidate rows at most; example: 2000
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
UNWIND $prefixes AS p
MATCH (m:Mention)
WHERE (m.name_norm STARTS WITH p OR m.name_norm CONTAINS (' ' + p))
  AND ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
MATCH (m)-[:RESOLVES_TO]->(a:Actor)
WITH DISTINCT a, m.name AS name
ORDER BY a.id, name
LIMIT $max_rows
RETURN a.id AS actor, name, a.name AS actor_name, a.kind AS kind, a.originators AS originators,
       a.record_count AS records
