// title: Record facts
// purpose: What an analyst reads about consignments: properties, vessel and voyage, ports by role, containers, route and parties with the actors they resolve to (visible records only).
// mode: read
// param records (list of strings): consignment ids; example: ["csg_0"]
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (c:Consignment)
WHERE c.id IN $records AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
RETURN c.id AS record, properties(c) AS props,
  head([(c)-[o:ON_VESSEL]->(v:Vessel) | {id: v.id, imo: v.imo, name: v.name, voyage: o.voyage}]) AS vessel,
  [(c)-[r:LOADED_AT|DISCHARGED_AT|DELIVERED_AT|TRANSSHIPPED_AT]->(p:Port) | {role: type(r), locode: p.locode, seq: r.seq}] AS ports,
  [(c)-[:IN_CONTAINER]->(k:Container) | k.number] AS containers,
  head([(c)-[:FOLLOWS_ROUTE]->(rt:Route) | rt.label]) AS route,
  [(c)-[:HAS_PARTY]->(o:Mention) | {role: o.role, position: o.position, name: o.name, mention: o.id,
     actor: head([(o)-[:RESOLVES_TO]->(x:Actor) | x.id]), actor_name: head([(o)-[:RESOLVES_TO]->(x:Actor) | x.name])}] AS parties
