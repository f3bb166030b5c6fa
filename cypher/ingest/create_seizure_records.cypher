// title: Create new Seizure records with their links
// purpose: Fast path for records ingest has just classified as new: CREATE each Seizure,
//   and all its links in one statement (see consignet/model/codegen_records.py).
// mode: write
// param rows (list of maps): per record its properties and the ids its links point at; example: [{"props": {"id": "x_0"}, "SEIZED": []}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
UNWIND $rows AS row
CREATE (n:Seizure {id: row.props.id, record_id: row.props.record_id, originator: row.props.originator, seizure_date: row.props.seizure_date, place: row.props.place, goods_description: row.props.goods_description, hs_code: row.props.hs_code, quantity: row.props.quantity, unit: row.props.unit, reason: row.props.reason, content_hash: row.props.content_hash, source_file: row.props.source_file, source_row: row.props.source_row, reporting_country: row.props.reporting_country, ingest_run: row.props.ingest_run, scope_kind: row.props.scope_kind, scope_group: row.props.scope_group, scope_countries: row.props.scope_countries})
WITH n, row
CALL (n, row) { UNWIND row.SEIZED AS l MATCH (x:Consignment {id: l}) CREATE (n)-[:SEIZED]->(x) }
CALL (n, row) { UNWIND row.SEIZED_CONTAINER AS l MATCH (x:Container {id: l}) CREATE (n)-[:SEIZED_CONTAINER]->(x) }
