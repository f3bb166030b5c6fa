// title: Search identifiers
// purpose: Identifier nodes with exactly this value: phone (E.164), e-mail, container number, IMO, B/L number, or tax ids (by candidate ids).
// mode: read
// param e164 (string or null): phone in E.164; example: "+77011234567"
// param email (string or null): e-mail, lower case; example: null
// param container (string or null): ISO 6346 number; example: null
// param imo (string or null): IMO number, 7 digits; example: null
// param bl (string or null): B/L number; example: null
// param tax_ids (list of strings): TaxId node ids; example: []
CALL () {
  MATCH (n:Phone) WHERE n.e164 = $e164 RETURN n
  UNION
  MATCH (n:Email) WHERE n.address = $email RETURN n
  UNION
  MATCH (n:Container) WHERE n.number = $container RETURN n
  UNION
  MATCH (n:Vessel) WHERE n.imo = $imo RETURN n
  UNION
  MATCH (n:BillOfLading) WHERE n.number = $bl RETURN n
  UNION
  MATCH (n:TaxId) WHERE n.id IN $tax_ids RETURN n
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
