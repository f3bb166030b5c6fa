// title: Records of an actor
// purpose: The visible records on which an actor is a party and that pass the filters, oldest first, one page of ids with the actor's roles on each, and the total.
// mode: read
// param id (string): the actor id; example: "act_0"
// param offset (integer): records to skip; example: 0
// param limit (integer): records per page; example: 50
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
MATCH (a:Actor {id: $id})
WHERE (NOT a:Actor OR $viewer_country IS NULL OR EXISTS { MATCH (a)<-[:RESOLVES_TO]-(vm:Mention) WHERE ($viewer_country IS NULL OR vm.originator = $viewer_country OR coalesce(vm.scope_kind, 'network') = 'network' OR (vm.scope_kind = 'countries' AND $viewer_country IN coalesce(vm.scope_countries, [])) OR (vm.scope_kind = 'group' AND vm.scope_group IN $viewer_groups)) })
OPTIONAL MATCH (a)<-[:RESOLVES_TO]-(m:Mention)<-[:HAS_PARTY]-(c:Consignment)
WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  AND ($date_from IS NULL OR c.shipment_date >= $date_from)
  AND ($date_to IS NULL OR c.shipment_date <= $date_to)
  AND ($countries IS NULL OR c.originator IN $countries)
  AND ($hs_prefix IS NULL OR c.hs6 STARTS WITH $hs_prefix)
WITH a, c, collect(DISTINCT m.role) AS roles
ORDER BY coalesce(c.shipment_date, ''), c.id
WITH a, collect(CASE WHEN c IS NOT NULL THEN {record: c.id, roles: roles} END) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS page
