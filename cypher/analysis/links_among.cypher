// title: Links among nodes
// purpose: The relationships of the types asked for between nodes of a set (element ids), each read once from its start node (an actor with more than 100 outgoing links, a big shipper's derived links, is not expanded: its links into the set are found from their other ends); derived links must overlap the date range. One row: a list of {type, source, target, props} (one row decodes far faster than hundreds).
// mode: read
// param nodes (list of strings): element ids of the nodes; example: []
// param rel_types (list of strings): relationship types; example: ["SHIPPED_TO", "USES_IDENTIFIER"]
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
UNWIND $nodes AS eid
MATCH (a) WHERE elementId(a) = eid
WITH a, a:Actor AND COUNT { (a)-->() } > 100 AS big
WITH collect(CASE WHEN big THEN elementId(a) END) AS bigs, collect(CASE WHEN NOT big THEN a END) AS small
CALL (small, bigs) {
  UNWIND small AS a
  MATCH (a)-[r]->(b)
  WHERE elementId(b) IN $nodes
  RETURN a, r, b
  UNION
  // an actor's outgoing links are its derived ones: read them from the target's side, by type
  UNWIND CASE WHEN size(bigs) > 0 THEN $nodes ELSE [] END AS beid
  MATCH (b) WHERE elementId(b) = beid
  MATCH (b)<-[r:SHIPPED_TO|USES_IDENTIFIER|USED_CONTAINER]-(a)
  WHERE elementId(a) IN bigs
  RETURN a, r, b
}
WITH a, r, b
WHERE type(r) IN $rel_types
  AND (NOT type(r) IN ['SHIPPED_TO', 'USES_IDENTIFIER', 'USED_CONTAINER'] OR (
       ($date_to IS NULL OR r.first_date IS NULL OR r.first_date <= $date_to)
       AND ($date_from IS NULL OR r.last_date IS NULL OR r.last_date >= $date_from)
       AND ($countries IS NULL OR type(r) <> 'SHIPPED_TO' OR any(o IN coalesce(r.originators, []) WHERE o IN $countries))))
WITH type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY source, target, type
RETURN collect({type: type, source: source, target: target, props: props}) AS links
