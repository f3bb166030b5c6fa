// title: Common identifiers
// purpose: Tax ids, phones, e-mails, addresses and containers used by at least N actors, and B/Ls on at least N records: a forwarder's phone or a port address, reported instead of used as links; most used first, one page and the total.
// mode: read
// param threshold (integer): actors (records for B/Ls) at least; example: 10
// param labels (list of strings or null): identifier labels to keep, null for all; example: null
// param offset (integer): entries to skip; example: 0
// param limit (integer): entries per page; example: 50
CALL () {
  MATCH (i:TaxId) WHERE $labels IS NULL OR 'TaxId' IN $labels
  RETURN i, COUNT { (i)<-[:USES_IDENTIFIER]-() } AS measure
  UNION ALL
  MATCH (i:Phone) WHERE $labels IS NULL OR 'Phone' IN $labels
  RETURN i, COUNT { (i)<-[:USES_IDENTIFIER]-() } AS measure
  UNION ALL
  MATCH (i:Email) WHERE $labels IS NULL OR 'Email' IN $labels
  RETURN i, COUNT { (i)<-[:USES_IDENTIFIER]-() } AS measure
  UNION ALL
  MATCH (i:Address) WHERE $labels IS NULL OR 'Address' IN $labels
  RETURN i, COUNT { (i)<-[:USES_IDENTIFIER]-() } AS measure
  UNION ALL
  MATCH (i:Container) WHERE $labels IS NULL OR 'Container' IN $labels
  RETURN i, COUNT { (i)<-[:USED_CONTAINER]-() } AS measure
  UNION ALL
  MATCH (i:BillOfLading) WHERE $labels IS NULL OR 'BillOfLading' IN $labels
  RETURN i, COUNT { (i)<-[:UNDER_BL]-() } AS measure
}
WITH i, measure
WHERE measure >= $threshold
ORDER BY measure DESC, i.id
WITH collect({id: i.id, labels: labels(i), props: properties(i), measure: measure}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
