// title: Q4 Newly registered consignees of high-priority goods
// purpose: Which consignees of high-priority HS codes (Common High Priority List) were registered less than a year before the shipment? The registration month comes from the Kazakh BIN (YYMM in its first four digits).
// mode: read
// param max_age_days (integer): company age at shipment below which it is reported; example: 365
// param limit (integer): rows at most; example: 100
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (c:Consignment)-[:CARRIES]->(h:Commodity)
WHERE h.chpl_tier IS NOT NULL AND c.shipment_date IS NOT NULL AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
MATCH (c)-[:HAS_PARTY]->(m:Mention)-[:HAS_TAX_ID]->(t:TaxId)
WHERE m.role IN ['consignee', 'buyer'] AND t.scheme = 'kz.bin' AND toInteger(substring(t.value, 2, 2)) IN range(1, 12)
WITH c, h, m, t, toInteger(substring(t.value, 0, 2)) AS yy
WITH c, h, m, t, date({year: CASE WHEN yy <= date(c.shipment_date).year % 100 THEN 2000 + yy ELSE 1900 + yy END,
                        month: toInteger(substring(t.value, 2, 2)), day: 1}) AS registered
WITH c, h, m, t, registered, duration.inDays(registered, date(c.shipment_date)).days AS age_days
WHERE 0 <= age_days < $max_age_days
OPTIONAL MATCH (m)-[:RESOLVES_TO]->(a:Actor)
RETURN a.id AS actor, m.name AS consignee_as_written, t.value AS bin, toString(registered) AS registered,
       age_days, h.hs6 AS hs6, h.chpl_tier AS chpl_tier, h.description AS goods, {record_id: c.record_id, originator: c.originator, reporting_country: coalesce(c.reporting_country, c.originator), file: c.source_file, row: c.source_row, date: c.shipment_date} AS record
ORDER BY age_days, actor, record.date
LIMIT $limit
