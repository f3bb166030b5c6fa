// title: Nodes by id
// purpose: Any nodes by their ids (one index seek per label) that the viewer may see (records in scope, actors with a visible mention), with element id, labels, properties and, for identifiers, vessels and containers, how many actors (or records) use them. Used to anchor every walk and summary.
// mode: read
// param ids (list of strings): node ids; example: ["act_0", "prt_0"]
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
CALL () {
  MATCH (n:Actor) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Consignment) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Mention) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Seizure) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:ConsignmentVersion) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Container) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Vessel) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Port) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Route) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Country) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Commodity) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:TaxId) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Phone) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Email) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Address) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:BillOfLading) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Seal) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Flag) WHERE n.id IN $ids RETURN n
}
WITH n
WHERE (NOT n:Actor OR $viewer_country IS NULL OR EXISTS { MATCH (n)<-[:RESOLVES_TO]-(vm:Mention) WHERE ($viewer_country IS NULL OR vm.originator = $viewer_country OR coalesce(vm.scope_kind, 'network') = 'network' OR (vm.scope_kind = 'countries' AND $viewer_country IN coalesce(vm.scope_countries, [])) OR (vm.scope_kind = 'group' AND vm.scope_group IN $viewer_groups)) })
  AND (NOT (n:Consignment OR n:Mention OR n:Seizure OR n:ConsignmentVersion) OR ($viewer_country IS NULL OR n.originator = $viewer_country OR coalesce(n.scope_kind, 'network') = 'network' OR (n.scope_kind = 'countries' AND $viewer_country IN coalesce(n.scope_countries, [])) OR (n.scope_kind = 'group' AND n.scope_group IN $viewer_groups)))
RETURN elementId(n) AS eid, n.id AS id, labels(n) AS labels, properties(n) AS props,
  CASE
    WHEN n:TaxId OR n:Phone OR n:Email OR n:Address THEN COUNT { (n)<-[:USES_IDENTIFIER]-() }
    WHEN n:Container THEN COUNT { (n)<-[:USED_CONTAINER]-() }
    WHEN n:BillOfLading THEN COUNT { (n)<-[:UNDER_BL]-() }
    WHEN n:Seal THEN COUNT { (n)<-[:SEALED_WITH]-() }
    WHEN n:Vessel THEN COUNT { (n)<-[:ON_VESSEL]-() }
  END AS measure,
  CASE
    WHEN n:Actor THEN COUNT { (n)<-[:RESOLVES_TO]-() }
    WHEN n:TaxId OR n:Phone OR n:Email OR n:Address THEN COUNT { (n)<-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]-() }
    WHEN n:Container THEN COUNT { (n)<-[:IN_CONTAINER]-() }
    WHEN n:BillOfLading THEN COUNT { (n)<-[:UNDER_BL]-() }
  END AS weight
