// title: Actor timeline by month
// purpose: Visible records of an actor that pass the filters, counted by month and originator country.
// mode: read
// param id (string): the actor id; example: "act_0"
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param date_from (string or null): first shipment date YYYY-MM-DD, null for no bound; example: null
// param date_to (string or null): last shipment date YYYY-MM-DD, null for no bound; example: null
// param countries (list of strings or null): originator countries, null for all; example: null
// param hs_prefix (string or null): HS code prefix of 2 to 6 digits, null for all; example: null
MATCH (a:Actor {id: $id})<-[:RESOLVES_TO]-(m:Mention)
WHERE m.shipment_date IS NOT NULL AND ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
  AND ($date_from IS NULL OR coalesce(m.shipment_date, m.seizure_date) >= $date_from)
  AND ($date_to IS NULL OR coalesce(m.shipment_date, m.seizure_date) <= $date_to)
  AND ($countries IS NULL OR m.originator IN $countries)
  AND ($hs_prefix IS NULL OR coalesce(m.hs6, m.hs_code) STARTS WITH $hs_prefix
       OR any(party_hs IN [(party_of:Consignment)-[:HAS_PARTY]->(m) | party_of.hs6] WHERE party_hs STARTS WITH $hs_prefix))
WITH substring(m.shipment_date, 0, 7) AS month, m.originator AS country, count(DISTINCT m.consignment_id) AS records
ORDER BY month, country
RETURN month, collect({country: country, records: records}) AS countries
