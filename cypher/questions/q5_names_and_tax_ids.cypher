// title: Q5 Same name, other tax id; same tax id, other name
// purpose: Which companies match across scripts but carry different tax IDs, or share one ID under different names? Actors whose names are written in two or more scripts and who carry two or more tax ids; and tax ids carried by parties resolved to different actors or written under different names.
// mode: read
// param limit (integer): rows at most; example: 100
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
CALL () {
  MATCH (a:Actor)<-[:RESOLVES_TO]-(m:Mention)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
  WITH a, collect(DISTINCT m.script) AS scripts, collect(DISTINCT m.name) AS names,
       collect(DISTINCT CASE WHEN m.tax_id IS NOT NULL THEN m.tax_scheme + ':' + m.tax_id END) AS tax_ids,
       collect({record_id: m.record_id, originator: m.originator, reporting_country: coalesce(m.reporting_country, m.originator), file: m.source_file, row: m.source_row, date: m.shipment_date, role: m.role, name_as_written: m.name}) AS records
  WHERE size(scripts) >= 2 AND size(tax_ids) >= 2
  RETURN 'one company across scripts, several tax ids' AS finding, a.id AS key, names, tax_ids,
         [a.id] AS actors, records[..5] AS evidence
  UNION
  MATCH (t:TaxId)<-[:HAS_TAX_ID]-(m:Mention)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
  OPTIONAL MATCH (m)-[:RESOLVES_TO]->(a:Actor)
  WITH t, collect(DISTINCT m.name_norm) AS norms, collect(DISTINCT m.name) AS names, collect(DISTINCT a.id) AS actors,
       collect({record_id: m.record_id, originator: m.originator, reporting_country: coalesce(m.reporting_country, m.originator), file: m.source_file, row: m.source_row, date: m.shipment_date, role: m.role, name_as_written: m.name}) AS records
  WHERE size(actors) >= 2 OR size(norms) >= 2
  RETURN 'one tax id, several names or actors' AS finding, t.scheme + ':' + t.value AS key, names,
         [t.scheme + ':' + t.value] AS tax_ids, actors, records[..5] AS evidence
}
RETURN finding, key, names, tax_ids, actors, evidence
ORDER BY finding, size(actors) DESC, key
LIMIT $limit
