// title: Read a stored value
// purpose: Small JSON values kept beside the graph (resolution state, judgements).
// mode: read
// param key (string): the key; example: "schema_version"
MATCH (m:Meta {key: $key})
RETURN m.value AS value
