// title: Create new Consignment records with their links
// purpose: Fast path for records ingest has just classified as new: CREATE each Consignment,
//   its Mention nodes and all their links in one statement (see consignet/model/codegen_records.py).
// mode: write
// param rows (list of maps): per record its properties and the ids its links point at; example: [{"props": {"id": "x_0"}, "IN_CONTAINER": []}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
UNWIND $rows AS row
CREATE (n:Consignment {id: row.props.id, record_id: row.props.record_id, originator: row.props.originator, bl_number: row.props.bl_number, hs_code: row.props.hs_code, hs6: row.props.hs6, goods_description: row.props.goods_description, gross_mass_kg: row.props.gross_mass_kg, packages: row.props.packages, value: row.props.value, currency: row.props.currency, departure_date: row.props.departure_date, arrival_date: row.props.arrival_date, shared_date: row.props.shared_date, shipment_date: row.props.shipment_date, transport_mode: row.props.transport_mode, voyage: row.props.voyage, container_type: row.props.container_type, source_file: row.props.source_file, source_row: row.props.source_row, reporting_country: row.props.reporting_country, ingest_run: row.props.ingest_run, forwarded_by: row.props.forwarded_by, scope_kind: row.props.scope_kind, scope_group: row.props.scope_group, scope_countries: row.props.scope_countries, content_hash: row.props.content_hash, version: row.props.version, warnings: row.props.warnings, extra: row.props.extra})
WITH n, row
CALL (n, row) { UNWIND row.IN_CONTAINER AS l MATCH (x:Container {id: l}) CREATE (n)-[:IN_CONTAINER]->(x) }
CALL (n, row) { UNWIND row.ON_VESSEL AS l MATCH (x:Vessel {id: l.dst}) CREATE (n)-[:ON_VESSEL {voyage: l.voyage}]->(x) }
CALL (n, row) { UNWIND row.LOADED_AT AS l MATCH (x:Port {id: l}) CREATE (n)-[:LOADED_AT]->(x) }
CALL (n, row) { UNWIND row.DISCHARGED_AT AS l MATCH (x:Port {id: l}) CREATE (n)-[:DISCHARGED_AT]->(x) }
CALL (n, row) { UNWIND row.DELIVERED_AT AS l MATCH (x:Port {id: l}) CREATE (n)-[:DELIVERED_AT]->(x) }
CALL (n, row) { UNWIND row.TRANSSHIPPED_AT AS l MATCH (x:Port {id: l.dst}) CREATE (n)-[:TRANSSHIPPED_AT {seq: l.seq}]->(x) }
CALL (n, row) { UNWIND row.FOLLOWS_ROUTE AS l MATCH (x:Route {id: l}) CREATE (n)-[:FOLLOWS_ROUTE]->(x) }
CALL (n, row) { UNWIND row.CARRIES AS l MATCH (x:Commodity {id: l.dst}) CREATE (n)-[:CARRIES {hs_code: l.hs_code}]->(x) }
CALL (n, row) { UNWIND row.UNDER_BL AS l MATCH (x:BillOfLading {id: l}) CREATE (n)-[:UNDER_BL]->(x) }
CALL (n, row) { UNWIND row.SEALED_WITH AS l MATCH (x:Seal {id: l}) CREATE (n)-[:SEALED_WITH]->(x) }
CALL (n, row) { UNWIND row.REPORTED_BY AS l MATCH (x:Country {id: l}) CREATE (n)-[:REPORTED_BY]->(x) }
CALL (n, row) {
  UNWIND row.HAS_PARTY AS m
  CREATE (k:Mention {id: m.props.id, consignment_id: m.props.consignment_id, role: m.props.role, position: m.props.position, name: m.props.name, name_clean: m.props.name_clean, name_norm: m.props.name_norm, kind: m.props.kind, legal_form: m.props.legal_form, script: m.props.script, country: m.props.country, address: m.props.address, city: m.props.city, postcode: m.props.postcode, phone: m.props.phone, email: m.props.email, tax_id: m.props.tax_id, tax_scheme: m.props.tax_scheme, tax_valid: m.props.tax_valid, originator: m.props.originator, record_id: m.props.record_id, shipment_date: m.props.shipment_date, vessel_id: m.props.vessel_id, route_id: m.props.route_id, source_file: m.props.source_file, source_row: m.props.source_row, reporting_country: m.props.reporting_country, ingest_run: m.props.ingest_run, scope_kind: m.props.scope_kind, scope_group: m.props.scope_group, scope_countries: m.props.scope_countries})
  CREATE (n)-[:HAS_PARTY {role: m.link.role}]->(k)
  WITH k, m
  CALL (k, m) { UNWIND m.HAS_TAX_ID AS l MATCH (x:TaxId {id: l}) CREATE (k)-[:HAS_TAX_ID]->(x) }
  CALL (k, m) { UNWIND m.HAS_PHONE AS l MATCH (x:Phone {id: l}) CREATE (k)-[:HAS_PHONE]->(x) }
  CALL (k, m) { UNWIND m.HAS_EMAIL AS l MATCH (x:Email {id: l}) CREATE (k)-[:HAS_EMAIL]->(x) }
  CALL (k, m) { UNWIND m.HAS_ADDRESS AS l MATCH (x:Address {id: l}) CREATE (k)-[:HAS_ADDRESS]->(x) }
}
