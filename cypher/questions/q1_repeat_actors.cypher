// title: Q1 Actors in records of two or more member countries
// purpose: Which actors appear in records shared by two or more member countries, and through what evidence? One row per actor: the countries, the records, and for each country its earliest record (file, row, date) and the name as written there.
// mode: read
// param min_countries (integer): originator countries at least; example: 2
// param limit (integer): actors at most; example: 25
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (m:Mention)-[:RESOLVES_TO]->(a:Actor)
WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
WITH a, m ORDER BY coalesce(m.shipment_date, ''), m.consignment_id
WITH a, m.originator AS country, collect(m) AS ms, count(DISTINCT m.consignment_id) AS records
WITH a, collect({country: country, records: records, first: {record_id: ms[0].record_id, originator: ms[0].originator, reporting_country: coalesce(ms[0].reporting_country, ms[0].originator), file: ms[0].source_file, row: ms[0].source_row, date: ms[0].shipment_date, role: ms[0].role, name_as_written: ms[0].name}}) AS by_country
WHERE size(by_country) >= $min_countries
RETURN a.id AS actor, a.name AS name, size(by_country) AS countries,
       reduce(n = 0, x IN by_country | n + x.records) AS records, by_country AS evidence
ORDER BY countries DESC, records DESC, actor
LIMIT $limit
