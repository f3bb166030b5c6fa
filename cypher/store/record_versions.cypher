// title: Versions of known records
// purpose: For the given record ids, the content hash and version of those already stored (ingest uses it to tell new, updated and duplicate records apart).
// mode: read
// param ids (list of strings): Consignment or Seizure ids; example: ["csg_0"]
UNWIND $ids AS id
MATCH (c:Consignment {id: id})
RETURN c.id AS id, c.content_hash AS content_hash, coalesce(c.version, 1) AS version
UNION ALL
UNWIND $ids AS id
MATCH (s:Seizure {id: id})
RETURN s.id AS id, s.content_hash AS content_hash, 1 AS version
