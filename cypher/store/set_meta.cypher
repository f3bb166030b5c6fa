// title: Store a value
// purpose: Small JSON values kept beside the graph (resolution state, judgements).
// mode: write
// param id (string): deterministic node id of the key; example: "meta_0"
// param key (string): the key; example: "schema_version"
// param value (string): JSON text; example: "1"
MERGE (m:Meta {id: $id})
SET m.key = $key, m.value = $value
