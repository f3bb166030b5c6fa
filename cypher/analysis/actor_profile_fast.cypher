// title: Actor profile (whole network, from the derived links)
// purpose: The actor profile for an unrestricted viewer, every record visible: the same answer as analysis/actor_profile, but identifiers, containers and counterparties come from the derived USES_IDENTIFIER, USED_CONTAINER and SHIPPED_TO links (their record counts and first/last dates are the same aggregates over all records) instead of walking every mention's consignment; names, countries, roles, evidence, vessels and routes are read from the mentions alone (each carries its record's id, date, vessel_id and route_id), each mention's properties read once into a map: on the 1M graph this query does ~1,600 database hits per profile where expanding every record's vessel and route links did ~5,900. The derived links are rebuilt after every resolution (refresh_derived): while that runs, this profile sees them part-built, as every walk over them does. Labels the model fixes (a RESOLVES_TO comes from a Mention, a HAS_PARTY from a Consignment, SHIPPED_TO joins actors) are not checked again: each check is a store read per row.
// mode: read
// param id (string): the actor id; example: "act_0"
// param list_limit (integer): entries per list; example: 50
// param counterparties_limit (integer): counterparties at most; example: 50
// param evidence_limit (integer): the actor's records shown, oldest first; example: 3
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)<-[:RESOLVES_TO]-(m)
  RETURN collect(m {.name, .script, .originator, .country, .legal_form, .role, .consignment_id, .record_id,
                    .shipment_date, .reporting_country, .source_file, .source_row, .vessel_id, .route_id}) AS ms
}
CALL (ms) {
  UNWIND ms AS m
  WITH m ORDER BY coalesce(m.shipment_date, ''), m.consignment_id, coalesce(m.role, '')
  LIMIT $evidence_limit
  RETURN collect({record: m.consignment_id, record_type: 'Consignment', record_id: m.record_id, originator: m.originator, reporting_country: coalesce(m.reporting_country, m.originator), file: m.source_file, row: m.source_row, date: m.shipment_date, role: m.role}) AS evidence
}
CALL (ms) {
  UNWIND ms AS m
  WITH m.name AS name, m.script AS script, count(*) AS k
  ORDER BY k DESC, name, script
  RETURN collect({name: name, script: script, mentions: k}) AS names
}
CALL (ms) {
  UNWIND ms AS m
  RETURN collect(DISTINCT m.originator) AS originators, collect(DISTINCT m.country) AS party_countries,
         collect(DISTINCT m.legal_form) AS legal_forms, collect(DISTINCT m.role) AS roles,
         count(DISTINCT m.consignment_id) AS records, count(m) AS mentions,
         min(m.shipment_date) AS first_seen, max(m.shipment_date) AS last_seen
}
CALL (a) {
  MATCH (a)-[u:USES_IDENTIFIER]->(i)
  WITH i, u.record_count AS records, u.first_date AS first_date, u.last_date AS last_date
  ORDER BY records DESC, i.id
  LIMIT $list_limit
  RETURN collect({id: i.id, labels: labels(i), props: i {.value, .scheme, .e164, .address, .text, .text_norm}, records: records, first_date: first_date,
                  last_date: last_date, actors: COUNT { (i)<-[:USES_IDENTIFIER]-() }}) AS identifiers
}
CALL (a) {
  MATCH (a)-[u:USED_CONTAINER]->(x)
  WITH x, u.record_count AS records, u.first_date AS first_date, u.last_date AS last_date
  ORDER BY records DESC, x.id
  LIMIT $list_limit
  RETURN collect({id: x.id, props: {number: x.number}, records: records, first_date: first_date,
                  last_date: last_date}) AS containers
}
CALL (ms) {
  UNWIND ms AS m
  WITH m.vessel_id AS xid, m
  WHERE xid IS NOT NULL
  WITH xid, count(DISTINCT m.consignment_id) AS records, min(m.shipment_date) AS first_date,
       max(m.shipment_date) AS last_date
  ORDER BY records DESC, xid
  LIMIT $list_limit
  MATCH (x:Vessel {id: xid})
  WITH x, records, first_date, last_date
  ORDER BY records DESC, x.id
  RETURN collect({id: x.id, props: {name: x.name, imo: x.imo}, records: records, first_date: first_date,
                  last_date: last_date}) AS vessels
}
CALL (ms) {
  UNWIND ms AS m
  WITH m.route_id AS xid, m
  WHERE xid IS NOT NULL
  WITH xid, count(DISTINCT m.consignment_id) AS records, min(m.shipment_date) AS first_date,
       max(m.shipment_date) AS last_date
  ORDER BY records DESC, xid
  LIMIT $list_limit
  MATCH (x:Route {id: xid})
  WITH x, records, first_date, last_date
  ORDER BY records DESC, x.id
  RETURN collect({id: x.id, props: {label: x.label}, records: records, first_date: first_date,
                  last_date: last_date}) AS routes
}
CALL (a) {
  CALL (a) {
    MATCH (a)-[l:SHIPPED_TO]->(p)
    RETURN p, 'out' AS direction, l
    UNION ALL
    MATCH (a)<-[l:SHIPPED_TO]-(p)
    RETURN p, 'in' AS direction, l
  }
  WITH p, direction, l.record_count AS records, l.first_date AS first_date, l.last_date AS last_date
  ORDER BY records DESC, p.id, direction
  RETURN collect({id: p.id, name: p.name, direction: direction, records: records, first_date: first_date,
                  last_date: last_date})[..$counterparties_limit] AS counterparties
}
RETURN a.id AS id, labels(a) AS labels, a {.kind, .name, .aliases} AS props, names, originators, party_countries, legal_forms,
       roles, records, mentions, first_seen, last_seen, identifiers, counterparties, evidence,
       [u IN [{kind: 'FOLLOWS_ROUTE', items: routes}, {kind: 'IN_CONTAINER', items: containers},
              {kind: 'ON_VESSEL', items: vessels}] WHERE size(u.items) > 0] AS usage
