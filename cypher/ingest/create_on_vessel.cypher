// title: Create ON_VESSEL links of new records
// purpose: Fast path: the record is new (or its old links were just dropped), so its links are
//   CREATEd, not MERGEd.
// mode: write
// param rows (list of maps): src and dst ids and the link properties; example: [{"src": "a", "dst": "b", "props": {}}]
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Consignment {id: row.src})
MATCH (b:Vessel {id: row.dst})
CREATE (a)-[r:ON_VESSEL {voyage: row.props.voyage}]->(b)
