// title: Graph size stamp
// purpose: Node and relationship counts (from the count store, instant), bookkeeping nodes (Meta, IngestRun) left out: part of the cache key of computed risk answers, so that data written behind the analysis layer's back still invalidates them, while stored analysis values and run records do not.
// mode: read
CALL () { MATCH (n) RETURN count(n) AS all_nodes }
CALL () { MATCH (m:Meta) RETURN count(m) AS meta }
CALL () { MATCH (r:IngestRun) RETURN count(r) AS runs }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN all_nodes - meta - runs AS nodes, rels
