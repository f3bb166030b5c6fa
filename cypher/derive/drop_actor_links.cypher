// title: Drop derived actor links
// purpose: SHIPPED_TO, USES_IDENTIFIER and USED_CONTAINER are recomputed from the records after each resolution.
// mode: write
MATCH (:Actor)-[r:SHIPPED_TO|USES_IDENTIFIER|USED_CONTAINER]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
