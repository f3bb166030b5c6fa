// title: Path search step
// purpose: (node, neighbour) pairs from a frontier (element ids), as one row of three parallel lists (the node's element id, the neighbour's element id and id: one row decodes far faster than thousands) for GET /paths: neighbours must be visible, pass the filters, and be neither a hub label nor a common identifier (unless they are an endpoint).
// mode: read
// param frontier (list of strings): element ids of the nodes to expand; example: []
// param keep (list of strings): element ids always allowed (the endpoints); example: []
// param seen (list of strings): element ids this side of the search has reached already; example: []
// param rel_types (list of strings): relationship types to follow; example: ["SHIPPED_TO", "USES_IDENTIFIER"]
// param skip_labels (list of strings): labels not to pass through; example: ["Country", "Port", "Commodity", "Route"]
// param common_threshold (integer or null): identifiers used by this many actors are not passed through, null to allow them; example: 10
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
  AND (elementId(m) IN $keep OR (NOT any(l IN labels(m) WHERE l IN $skip_labels)
       AND ($common_threshold IS NULL OR coalesce(CASE
    WHEN m:TaxId OR m:Phone OR m:Email OR m:Address THEN COUNT { (m)<-[:USES_IDENTIFIER]-() }
    WHEN m:Container THEN COUNT { (m)<-[:USED_CONTAINER]-() }
    WHEN m:BillOfLading THEN COUNT { (m)<-[:UNDER_BL]-() }
    WHEN m:Seal THEN COUNT { (m)<-[:SEALED_WITH]-() }
    WHEN m:Vessel THEN COUNT { (m)<-[:ON_VESSEL]-() }
  END, 0) < $common_threshold)))
WITH DISTINCT n, m
RETURN collect(elementId(n)) AS nodes, collect(elementId(m)) AS eids, collect(m.id) AS neighbours
