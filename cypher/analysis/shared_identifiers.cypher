// title: Shared identifiers of an actor
// purpose: The tax ids, phones, e-mails, addresses, containers and B/Ls on an actor's visible records, how many actors (records for B/Ls) use each, and, for those not common, the other actors using them with their records (for containers and B/Ls, on records the actor is not a party to).
// mode: read
// param id (string): the actor id; example: "act_0"
// param common_threshold (integer): identifiers used by this many are common, not links; example: 10
// param labels (list of strings or null): identifier labels to keep, null for all; example: null
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (a:Actor {id: $id})
WHERE (NOT a:Actor OR $viewer_country IS NULL OR EXISTS { MATCH (a)<-[:RESOLVES_TO]-(vm:Mention) WHERE ($viewer_country IS NULL OR vm.originator = $viewer_country OR coalesce(vm.scope_kind, 'network') = 'network' OR (vm.scope_kind = 'countries' AND $viewer_country IN coalesce(vm.scope_countries, [])) OR (vm.scope_kind = 'group' AND vm.scope_group IN $viewer_groups)) })
CALL (a) {
  MATCH (a)<-[:RESOLVES_TO]-(m:Mention)-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]->(i)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
  RETURN i, m.consignment_id AS record, m.shipment_date AS date
  UNION
  MATCH (a)<-[:RESOLVES_TO]-(:Mention)<-[:HAS_PARTY]-(c:Consignment)-[:IN_CONTAINER|UNDER_BL]->(i)
  WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
  RETURN i, c.id AS record, c.shipment_date AS date
}
WITH a, i, count(DISTINCT record) AS records, min(date) AS first_date, max(date) AS last_date
WHERE $labels IS NULL OR any(l IN labels(i) WHERE l IN $labels)
WITH a, i, records, first_date, last_date, CASE
    WHEN i:TaxId OR i:Phone OR i:Email OR i:Address THEN COUNT { (i)<-[:USES_IDENTIFIER]-() }
    WHEN i:Container THEN COUNT { (i)<-[:USED_CONTAINER]-() }
    WHEN i:BillOfLading THEN COUNT { (i)<-[:UNDER_BL]-() }
    WHEN i:Seal THEN COUNT { (i)<-[:SEALED_WITH]-() }
    WHEN i:Vessel THEN COUNT { (i)<-[:ON_VESSEL]-() }
  END AS measure
OPTIONAL CALL (a, i, measure) {
  WITH a, i, measure WHERE measure < $common_threshold
  CALL (i, a) {
    MATCH (i)<-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]-(o:Mention)
    RETURN o
    UNION
    MATCH (i)<-[:IN_CONTAINER|UNDER_BL]-(c2:Consignment)-[:HAS_PARTY]->(o:Mention)
    WHERE NOT EXISTS { (c2)-[:HAS_PARTY]->(:Mention)-[:RESOLVES_TO]->(a) }
    RETURN o
  }
  MATCH (o)-[:RESOLVES_TO]->(b:Actor)
  WHERE b <> a AND ($viewer_country IS NULL OR o.originator = $viewer_country OR coalesce(o.scope_kind, 'network') = 'network' OR (o.scope_kind = 'countries' AND $viewer_country IN coalesce(o.scope_countries, [])) OR (o.scope_kind = 'group' AND o.scope_group IN $viewer_groups))
  WITH b, count(DISTINCT o.consignment_id) AS b_records, min(o.shipment_date) AS f, max(o.shipment_date) AS l
  ORDER BY b_records DESC, b.id
  RETURN collect({id: b.id, name: b.name, records: b_records, first_date: f, last_date: l}) AS actors
}
RETURN i.id AS id, labels(i) AS labels, properties(i) AS props, records, first_date, last_date, measure,
       coalesce(actors, []) AS actors
ORDER BY id
