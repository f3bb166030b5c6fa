// title: Properties of records about to be replaced
// purpose: The stored properties of records an update replaces, to keep them as ConsignmentVersion.
// mode: read
// param ids (list of strings): Consignment ids; example: ["csg_0"]
UNWIND $ids AS id
MATCH (c:Consignment {id: id})
RETURN c.id AS id, properties(c) AS props
