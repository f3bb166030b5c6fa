// title: Node counts by label
// purpose: How many nodes of each unscoped label the graph holds (record labels are counted
//   with the viewer's scope by store/scoped_label_counts).
// mode: read
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
MATCH (n:Actor) RETURN 'Actor' AS label, count(n) AS count
UNION ALL
MATCH (n:Vessel) RETURN 'Vessel' AS label, count(n) AS count
UNION ALL
MATCH (n:Container) RETURN 'Container' AS label, count(n) AS count
UNION ALL
MATCH (n:Port) RETURN 'Port' AS label, count(n) AS count
UNION ALL
MATCH (n:Route) RETURN 'Route' AS label, count(n) AS count
UNION ALL
MATCH (n:Country) RETURN 'Country' AS label, count(n) AS count
UNION ALL
MATCH (n:Commodity) RETURN 'Commodity' AS label, count(n) AS count
UNION ALL
MATCH (n:TaxId) RETURN 'TaxId' AS label, count(n) AS count
UNION ALL
MATCH (n:Phone) RETURN 'Phone' AS label, count(n) AS count
UNION ALL
MATCH (n:Email) RETURN 'Email' AS label, count(n) AS count
UNION ALL
MATCH (n:Address) RETURN 'Address' AS label, count(n) AS count
UNION ALL
MATCH (n:BillOfLading) RETURN 'BillOfLading' AS label, count(n) AS count
UNION ALL
MATCH (n:Seal) RETURN 'Seal' AS label, count(n) AS count
UNION ALL
MATCH (n:Flag) RETURN 'Flag' AS label, count(n) AS count
UNION ALL
MATCH (n:Judgement) RETURN 'Judgement' AS label, count(n) AS count
UNION ALL
MATCH (n:IngestRun) RETURN 'IngestRun' AS label, count(n) AS count
