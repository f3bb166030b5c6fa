// title: Actors with their names, countries and identifiers
// purpose: Every actor the viewer may see (through at least one visible mention), with what screening against a watch list compares: name variants, kind, party countries and tax ids.
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (a:Actor)
WHERE EXISTS { MATCH (m:Mention)-[:RESOLVES_TO]->(a) WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups)) }
RETURN a.id AS id, a.kind AS kind, coalesce(a.names, [a.name]) AS names, coalesce(a.countries, []) AS countries,
       coalesce(a.tax_ids, []) AS tax_ids, coalesce(a.originators, []) AS originators
ORDER BY id
