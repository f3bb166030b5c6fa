// title: Links among nodes
// purpose: The relationships of the types asked for between nodes of a set (element ids), each read once from its start node; derived links must overlap the date range.
// mode: read
// param nodes (list of strings): element ids of the nodes; example: []
// param rel_types (list of strings): relationship types; example: ["SHIPPED_TO", "USES_IDENTIFIER"]
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
UNWIND $nodes AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]->(b)
WHERE type(r) IN $rel_types AND elementId(b) IN $nodes
  AND (NOT type(r) IN ['SHIPPED_TO', 'USES_IDENTIFIER', 'USED_CONTAINER'] OR (
       ($date_to IS NULL OR r.first_date IS NULL OR r.first_date <= $date_to)
       AND ($date_from IS NULL OR r.last_date IS NULL OR r.last_date >= $date_from)
       AND ($countries IS NULL OR type(r) <> 'SHIPPED_TO' OR any(o IN coalesce(r.originators, []) WHERE o IN $countries))))
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY source, target, type
