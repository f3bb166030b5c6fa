// title: Neighbourhood step (unrestricted view, no filters)
// purpose: The new neighbours of a frontier (element ids) for GET /nodes/{id}/neighbourhood when the viewer sees everything and no record filter is asked for: expand_nodes without the scope and filter predicates, the labels read once per neighbour; ordered by id, with the use count of identifiers so the caller keeps common ones as leaves.
// mode: read
// param frontier (list of strings): element ids of the nodes to expand; example: []
// param seen (list of strings): element ids already in the answer; example: []
// param rel_types (list of strings): relationship types to follow; example: ["SHIPPED_TO", "USES_IDENTIFIER"]
// param labels (list of strings or null): node labels to keep, null for all; example: null
// param limit (integer): rows at most; example: 200
UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[r]-(m)
WHERE type(r) IN $rel_types AND NOT elementId(m) IN $seen
WITH DISTINCT m
WITH m, labels(m) AS ls
WHERE none(l IN ls WHERE l IN ['Meta', 'IngestRun', 'Judgement'])
  AND ($labels IS NULL OR any(l IN ls WHERE l IN $labels))
WITH m, ls, m.id AS id
ORDER BY id
LIMIT $limit
RETURN elementId(m) AS eid, id, ls AS labels, properties(m) AS props,
  CASE
    WHEN any(l IN ls WHERE l IN ['TaxId', 'Phone', 'Email', 'Address']) THEN COUNT { (m)<-[:USES_IDENTIFIER]-() }
    WHEN 'Container' IN ls THEN COUNT { (m)<-[:USED_CONTAINER]-() }
    WHEN 'BillOfLading' IN ls THEN COUNT { (m)<-[:UNDER_BL]-() }
    WHEN 'Seal' IN ls THEN COUNT { (m)<-[:SEALED_WITH]-() }
    WHEN 'Vessel' IN ls THEN COUNT { (m)<-[:ON_VESSEL]-() }
  END AS measure,
  CASE
    WHEN 'Actor' IN ls THEN COUNT { (m)<-[:RESOLVES_TO]-() }
    WHEN any(l IN ls WHERE l IN ['TaxId', 'Phone', 'Email', 'Address']) THEN COUNT { (m)<-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]-() }
    WHEN 'Container' IN ls THEN COUNT { (m)<-[:IN_CONTAINER]-() }
    WHEN 'BillOfLading' IN ls THEN COUNT { (m)<-[:UNDER_BL]-() }
  END AS weight
