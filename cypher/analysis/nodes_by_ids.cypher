// title: Nodes by id
// purpose: Any nodes by their ids (one index seek per label), with element id, labels, properties and, for identifiers, vessels and containers, how many actors (or records) use them. Used to anchor every walk and summary.
// mode: read
// param ids (list of strings): node ids; example: ["act_0", "prt_0"]
CALL () {
  MATCH (n:Actor) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Consignment) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Mention) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Seizure) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:ConsignmentVersion) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Container) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Vessel) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Port) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Route) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Country) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Commodity) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:TaxId) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Phone) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Email) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Address) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:BillOfLading) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Seal) WHERE n.id IN $ids RETURN n
  UNION ALL
  MATCH (n:Flag) WHERE n.id IN $ids RETURN n
}
RETURN elementId(n) AS eid, n.id AS id, labels(n) AS labels, properties(n) AS props,
  CASE
    WHEN n:TaxId OR n:Phone OR n:Email OR n:Address THEN COUNT { (n)<-[:USES_IDENTIFIER]-() }
    WHEN n:Container THEN COUNT { (n)<-[:USED_CONTAINER]-() }
    WHEN n:BillOfLading THEN COUNT { (n)<-[:UNDER_BL]-() }
    WHEN n:Seal THEN COUNT { (n)<-[:SEALED_WITH]-() }
    WHEN n:Vessel THEN COUNT { (n)<-[:ON_VESSEL]-() }
  END AS measure
