// title: Drop the record-level links and mentions of replaced records
// purpose: An updated record replaces the previous one: its mentions and outgoing links go (the previous version was archived first), the Consignment node and its PREVIOUS_VERSION links stay.
// mode: write
// param ids (list of strings): Consignment ids; example: ["csg_0"]
UNWIND $ids AS id
MATCH (c:Consignment {id: id})
OPTIONAL MATCH (c)-[:HAS_PARTY]->(m:Mention)
DETACH DELETE m
WITH DISTINCT c
MATCH (c)-[r]->()
WHERE type(r) <> 'PREVIOUS_VERSION'
DELETE r
