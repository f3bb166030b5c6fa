// title: Graph size stamp
// purpose: Node and relationship counts (from the count store, instant): part of the cache key of computed risk answers, so that data written behind the analysis layer's back still invalidates them.
// mode: read
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels
