// title: Q8 Shortest chain between two named actors
// purpose: What is the shortest chain of links between two named actors, and which records support each link? Walks any link except archived versions, not through countries, ports, commodities, routes or identifiers used by common_threshold actors or more; at most 8 links (max_length lowers it).
// mode: read
// param from_name (string): the first actor's name, as on its Actor node; example: "Shelkovyy Put LLP"
// param to_name (string): the second actor's name; example: "Altyn Trade LLP"
// param max_length (integer): links at most (8 or fewer); example: 6
// param common_threshold (integer): identifiers used by this many actors are not passed through; example: 10
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (a:Actor {name: $from_name})
MATCH (b:Actor {name: $to_name})
MATCH p = ALL SHORTEST (a)(()-[r]-(x)
  WHERE type(r) <> 'PREVIOUS_VERSION'
    AND (x = b OR NOT (x:Country OR x:Port OR x:Commodity OR x:Route OR x:Meta OR x:IngestRun OR x:Judgement))
    AND (x = b OR NOT (x:Consignment OR x:Mention OR x:Seizure) OR ($viewer_country IS NULL OR x.originator = $viewer_country OR coalesce(x.scope_kind, 'network') = 'network' OR (x.scope_kind = 'countries' AND $viewer_country IN coalesce(x.scope_countries, [])) OR (x.scope_kind = 'group' AND x.scope_group IN $viewer_groups)))
    AND (x = b OR coalesce(CASE
    WHEN x:TaxId OR x:Phone OR x:Email OR x:Address THEN COUNT { (x)<-[:USES_IDENTIFIER]-() }
    WHEN x:Container THEN COUNT { (x)<-[:USED_CONTAINER]-() }
    WHEN x:BillOfLading THEN COUNT { (x)<-[:UNDER_BL]-() }
    WHEN x:Seal THEN COUNT { (x)<-[:SEALED_WITH]-() }
    WHEN x:Vessel THEN COUNT { (x)<-[:ON_VESSEL]-() }
  END, 0) < $common_threshold)){1,8}(b)
WITH p
WHERE length(p) <= $max_length
LIMIT 10
UNWIND range(0, length(p) - 1) AS step
WITH p, step, relationships(p)[step] AS rel, nodes(p)[step] AS here, nodes(p)[step + 1] AS next
CALL (rel) {
  WITH rel, startNode(rel) AS s, endNode(rel) AS t
  WHERE type(rel) = 'SHIPPED_TO'
  MATCH (s)<-[:RESOLVES_TO]-(ms:Mention)<-[:HAS_PARTY]-(c:Consignment)-[:HAS_PARTY]->(mr:Mention)-[:RESOLVES_TO]->(t)
  WHERE ms.role IN ['consignor', 'seller'] AND mr.role IN ['consignee', 'buyer']
  RETURN c
  UNION
  WITH rel, startNode(rel) AS s, endNode(rel) AS t
  WHERE type(rel) = 'USES_IDENTIFIER'
  MATCH (s)<-[:RESOLVES_TO]-(m:Mention)-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]->(t), (c:Consignment)-[:HAS_PARTY]->(m)
  RETURN c
  UNION
  WITH rel, startNode(rel) AS s, endNode(rel) AS t
  WHERE type(rel) = 'USED_CONTAINER'
  MATCH (s)<-[:RESOLVES_TO]-(:Mention)<-[:HAS_PARTY]-(c:Consignment)-[:IN_CONTAINER]->(t)
  RETURN c
  UNION
  WITH rel, startNode(rel) AS c
  WHERE c:Consignment
  RETURN c
  UNION
  WITH rel, startNode(rel) AS m
  WHERE m:Mention
  MATCH (c:Consignment)-[:HAS_PARTY]->(m)
  RETURN c
}
WITH p, step, rel, here, next, c
WHERE ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
WITH p, step, rel, here, next, c ORDER BY c.shipment_date
WITH p, step, type(rel) AS link, here, next, count(c) AS records, collect({record_id: c.record_id, originator: c.originator, reporting_country: coalesce(c.reporting_country, c.originator), file: c.source_file, row: c.source_row, date: c.shipment_date})[..3] AS evidence
ORDER BY step
WITH p, collect({step: step, from: coalesce(here.name, here.record_id, here.number, here.e164, here.id),
                 link: link, to: coalesce(next.name, next.record_id, next.number, next.e164, next.id),
                 records: records, evidence: evidence}) AS chain
RETURN length(p) AS length, chain
ORDER BY length
