// title: Neighbourhood step
// purpose: The new neighbours of a frontier (element ids) for GET /nodes/{id}/neighbourhood: over the link types asked for, visible records passing the filters, derived links overlapping the date range; ordered by id, with the use count of identifiers so the caller keeps common ones as leaves.
// mode: read
// param frontier (list of strings): element ids of the nodes to expand; example: []
// param seen (list of strings): element ids already in the answer; example: []
// param rel_types (list of strings): relationship types to follow; example: ["SHIPPED_TO", "USES_IDENTIFIER"]
// param labels (list of strings or null): node labels to keep, null for all; example: null
// param limit (integer): rows at most; example: 200
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[r]-(m)
WHERE type(r) IN $rel_types
  AND NOT elementId(m) IN $seen
  AND NOT (m:Meta OR m:IngestRun OR m:Judgement)
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  AND (NOT type(r) IN ['SHIPPED_TO', 'USES_IDENTIFIER', 'USED_CONTAINER'] OR (
       ($date_to IS NULL OR r.first_date IS NULL OR r.first_date <= $date_to)
       AND ($date_from IS NULL OR r.last_date IS NULL OR r.last_date >= $date_from)
       AND ($countries IS NULL OR type(r) <> 'SHIPPED_TO' OR any(o IN coalesce(r.originators, []) WHERE o IN $countries))))
  AND (NOT (m:Consignment OR m:Mention OR m:Seizure OR m:ConsignmentVersion) OR (($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
       AND (m:ConsignmentVersion OR (($date_from IS NULL OR coalesce(m.shipment_date, m.seizure_date) >= $date_from)
  AND ($date_to IS NULL OR coalesce(m.shipment_date, m.seizure_date) <= $date_to)
  AND ($countries IS NULL OR m.originator IN $countries)
  AND ($hs_prefix IS NULL OR coalesce(m.hs6, m.hs_code) STARTS WITH $hs_prefix
       OR any(party_hs IN [(party_of:Consignment)-[:HAS_PARTY]->(m) | party_of.hs6] WHERE party_hs STARTS WITH $hs_prefix))))))
  AND (NOT m:Actor OR $viewer_country IS NULL OR EXISTS { MATCH (m)<-[:RESOLVES_TO]-(vm:Mention) WHERE ($viewer_country IS NULL OR vm.originator = $viewer_country OR coalesce(vm.scope_kind, 'network') = 'network' OR (vm.scope_kind = 'countries' AND $viewer_country IN coalesce(vm.scope_countries, [])) OR (vm.scope_kind = 'group' AND vm.scope_group IN $viewer_groups)) })
WITH DISTINCT m
RETURN elementId(m) AS eid, m.id AS id, labels(m) AS labels, properties(m) AS props,
  CASE
    WHEN m:TaxId OR m:Phone OR m:Email OR m:Address THEN COUNT { (m)<-[:USES_IDENTIFIER]-() }
    WHEN m:Container THEN COUNT { (m)<-[:USED_CONTAINER]-() }
    WHEN m:BillOfLading THEN COUNT { (m)<-[:UNDER_BL]-() }
    WHEN m:Seal THEN COUNT { (m)<-[:SEALED_WITH]-() }
    WHEN m:Vessel THEN COUNT { (m)<-[:ON_VESSEL]-() }
  END AS measure,
  CASE
    WHEN m:Actor THEN COUNT { (m)<-[:RESOLVES_TO]-() }
    WHEN m:TaxId OR m:Phone OR m:Email OR m:Address THEN COUNT { (m)<-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]-() }
    WHEN m:Container THEN COUNT { (m)<-[:IN_CONTAINER]-() }
    WHEN m:BillOfLading THEN COUNT { (m)<-[:UNDER_BL]-() }
  END AS weight
ORDER BY id
LIMIT $limit
