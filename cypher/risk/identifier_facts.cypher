// title: Risk facts of shared and flagged identifiers
// purpose: Tax ids, phones, e-mails and addresses used on visible records by two or more actors (or flagged), each with its (actor, record) uses: the shared-identifier links of the actor projection, the proximity walk and the shared-contact indicator.
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (i:TaxId|Phone|Email|Address)
CALL (i) {
  OPTIONAL MATCH (i)<-[:HAS_TAX_ID|HAS_PHONE|HAS_EMAIL|HAS_ADDRESS]-(m:Mention)-[:RESOLVES_TO]->(a:Actor)
  WHERE ($viewer_country IS NULL OR m.originator = $viewer_country OR coalesce(m.scope_kind, 'network') = 'network' OR (m.scope_kind = 'countries' AND $viewer_country IN coalesce(m.scope_countries, [])) OR (m.scope_kind = 'group' AND m.scope_group IN $viewer_groups))
  WITH DISTINCT a.id AS actor, m.consignment_id AS record
  WHERE actor IS NOT NULL
  ORDER BY actor, record
  RETURN collect([actor, record]) AS uses, count(DISTINCT actor) AS actors
}
WITH i, uses, actors
WHERE actors >= 2 OR EXISTS { (i)<-[:FLAGS]-(:Flag) }
RETURN i.id AS id, [l IN labels(i) WHERE l IN ['TaxId', 'Phone', 'Email', 'Address']][0] AS label,
       i {.value, .scheme, .e164, .address, .text, .text_norm} AS props, uses
ORDER BY id
