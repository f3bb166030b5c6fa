// title: Evidence records by id
// purpose: The evidence entries (record, reporting country, file, row, date, role) of consignments and of mentions named by id: the first page of a derived link's or an actor's evidence, whose ids the derive step keeps (evidence_ids), read by index instead of walking the records. Unrestricted, unfiltered view only. One row: a list of [id, entry].
// mode: read
// param records (list of strings): consignment ids; example: ["con_0"]
// param mentions (list of strings): mention ids; example: ["men_0"]
CALL () {
  UNWIND $records AS wanted
  MATCH (c:Consignment {id: wanted})
  RETURN wanted AS id, {record: c.id, record_type: 'Consignment', record_id: c.record_id, originator: c.originator, reporting_country: coalesce(c.reporting_country, c.originator), file: c.source_file, row: c.source_row, date: c.shipment_date, role: null} AS entry
  UNION ALL
  UNWIND $mentions AS wanted
  MATCH (m:Mention {id: wanted})
  RETURN wanted AS id, {record: m.consignment_id, record_type: 'Consignment', record_id: m.record_id, originator: m.originator, reporting_country: coalesce(m.reporting_country, m.originator), file: m.source_file, row: m.source_row, date: m.shipment_date, role: m.role} AS entry
}
RETURN collect([id, entry]) AS entries
