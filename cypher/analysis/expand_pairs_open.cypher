// title: Path search step (unrestricted view, no filters)
// purpose: (node, neighbour) pairs from a frontier (element ids), as one row of three parallel lists (node's element id, neighbour's element id and id), for GET /paths when the viewer sees everything and no record filter is asked for: expand_pairs without the scope and filter predicates (each costs database hits on every neighbour), the labels read once per neighbour. Neighbours are neither hidden, nor a hub label, nor a common identifier (unless they are an endpoint). With $targets, the meeting step asked before each full step: only the links between the frontier and the other side's frontier, so the neighbours of big actors (their mentions, a container's consignments) are only listed when the two sides do not meet.
// mode: read
// param frontier (list of strings): element ids of the nodes to expand; example: []
// param keep (list of strings): element ids always allowed (the endpoints); example: []
// param seen (list of strings): element ids this side of the search has reached already; example: []
// param targets (list of strings or null): null for a full step; for the meeting step, the other side's frontier (element ids): only the links to them, walked from whichever of the two frontiers has fewer links (a node's degree is stored, not counted); example: null
// param rel_types (list of strings): relationship types to follow; example: ["SHIPPED_TO", "USES_IDENTIFIER"]
// param skip_labels (list of strings): labels not to pass through; example: ["Country", "Port", "Commodity", "Route"]
// param common_threshold (integer or null): identifiers used by this many actors are not passed through, null to allow them; example: 10
CALL {
  UNWIND CASE WHEN $targets IS NULL THEN [] ELSE $frontier END AS eid
  MATCH (n) WHERE elementId(n) = eid
  RETURN sum(COUNT { (n)--() }) AS frontier_links
}
CALL {
  UNWIND coalesce($targets, []) AS eid
  MATCH (n) WHERE elementId(n) = eid
  RETURN sum(COUNT { (n)--() }) AS target_links
}
CALL (frontier_links, target_links) {
  UNWIND CASE WHEN $targets IS NULL OR frontier_links <= target_links THEN $frontier ELSE [] END AS eid
  MATCH (n) WHERE elementId(n) = eid
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $rel_types AND NOT elementId(m) IN $seen AND ($targets IS NULL OR elementId(m) IN $targets)
  RETURN n, r, m
  UNION
  UNWIND CASE WHEN $targets IS NULL OR frontier_links <= target_links THEN [] ELSE $targets END AS eid
  MATCH (m) WHERE elementId(m) = eid
  MATCH (m)-[r]-(n)
  WHERE elementId(n) IN $frontier AND type(r) IN $rel_types AND NOT elementId(m) IN $seen
  RETURN n, r, m
}
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
