// title: Path search step (unrestricted view, no filters)
// purpose: (node, neighbour) pairs from a frontier (element ids), as one row of three parallel lists (node's element id, neighbour's element id and id), for GET /paths when the viewer sees everything and no record filter is asked for: expand_pairs without the scope and filter predicates (each costs database hits on every neighbour), the labels read once per neighbour. Neighbours are neither hidden, nor a hub label, nor a common identifier (unless they are an endpoint).
// mode: read
// param frontier (list of strings): element ids of the nodes to expand; example: []
// param keep (list of strings): element ids always allowed (the endpoints); example: []
// param seen (list of strings): element ids this side of the search has reached already; example: []
// param rel_types (list of strings): relationship types to follow; example: ["SHIPPED_TO", "USES_IDENTIFIER"]
// param skip_labels (list of strings): labels not to pass through; example: ["Country", "Port", "Commodity", "Route"]
// param common_threshold (integer or null): identifiers used by this many actors are not passed through, null to allow them; example: 10
UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[r]-(m)
WHERE type(r) IN $rel_types AND NOT elementId(m) IN $seen
WITH DISTINCT n, m
WITH n, m, labels(m) AS ls
WHERE none(l IN ls WHERE l IN ['Meta', 'IngestRun', 'Judgement'])
  AND (elementId(m) IN $keep OR (none(l IN ls WHERE l IN $skip_labels)
       AND ($common_threshold IS NULL OR coalesce(CASE
    WHEN any(l IN ls WHERE l IN ['TaxId', 'Phone', 'Email', 'Address']) THEN COUNT { (m)<-[:USES_IDENTIFIER]-() }
    WHEN 'Container' IN ls THEN COUNT { (m)<-[:USED_CONTAINER]-() }
    WHEN 'BillOfLading' IN ls THEN COUNT { (m)<-[:UNDER_BL]-() }
    WHEN 'Seal' IN ls THEN COUNT { (m)<-[:SEALED_WITH]-() }
    WHEN 'Vessel' IN ls THEN COUNT { (m)<-[:ON_VESSEL]-() }
  END, 0) < $common_threshold)))
RETURN collect(elementId(n)) AS nodes, collect(elementId(m)) AS eids, collect(m.id) AS neighbours
