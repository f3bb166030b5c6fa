// title: Whether the graph holds any mention
// purpose: Decides whether the one-time upgrades (Neo4jStore.ensure_schema) have anything to upgrade.
// mode: read
MATCH (m:Mention)
RETURN m.id AS id
LIMIT 1
