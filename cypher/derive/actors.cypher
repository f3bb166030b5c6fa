// title: Refresh actor aggregates
// purpose: Each actor carries its name variants (most frequent first), originator countries, party countries, legal forms, tax ids, first/last shipment date, record and mention counts, and the ids of its 10 oldest mentions (evidence_ids, the first page of its evidence), from the mentions resolved to it.
// mode: write
MATCH (a:Actor)
CALL (a) {
  MATCH (m:Mention)-[:RESOLVES_TO]->(a)
  WITH a, collect(m) AS ms
  CALL (ms) {
    UNWIND ms AS m
    WITH m.name AS name, count(*) AS k
    ORDER BY k DESC, name
    RETURN collect(name)[..50] AS names
  }
  CALL (ms) {
    UNWIND ms AS m
    WITH DISTINCT m.originator AS x WHERE x IS NOT NULL
    WITH x ORDER BY x
    RETURN collect(x) AS originators
  }
  CALL (ms) {
    UNWIND ms AS m
    WITH DISTINCT m.country AS x WHERE x IS NOT NULL
    WITH x ORDER BY x
    RETURN collect(x) AS countries
  }
  CALL (ms) {
    UNWIND ms AS m
    WITH DISTINCT m.legal_form AS x WHERE x IS NOT NULL
    WITH x ORDER BY x
    RETURN collect(x) AS forms
  }
  CALL (ms) {
    UNWIND ms AS m
    WITH DISTINCT m.tax_scheme + ':' + m.tax_id AS x WHERE x IS NOT NULL
    WITH x ORDER BY x
    RETURN collect(x) AS taxes
  }
  CALL (ms) {
    UNWIND ms AS m
    WITH m ORDER BY coalesce(m.shipment_date, ''), m.consignment_id, coalesce(m.role, '')
    LIMIT 10
    RETURN collect(m.id) AS first_mentions
  }
  CALL (ms) {
    UNWIND ms AS m
    RETURN count(DISTINCT m.consignment_id) AS records, min(m.shipment_date) AS first,
           max(m.shipment_date) AS last
  }
  SET a.names = names, a.originators = originators, a.originator_count = size(originators),
      a.countries = countries, a.legal_forms = forms, a.tax_ids = taxes, a.record_count = records,
      a.mention_count = size(ms), a.first_date = first, a.last_date = last,
      a.evidence_ids = first_mentions
} IN TRANSACTIONS OF 2000 ROWS
