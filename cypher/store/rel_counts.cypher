// title: Relationship counts by type
// purpose: How many relationships of each type the graph holds.
// mode: read
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
MATCH ()-[r:HAS_PARTY]->() RETURN 'HAS_PARTY' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:IN_CONTAINER]->() RETURN 'IN_CONTAINER' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:ON_VESSEL]->() RETURN 'ON_VESSEL' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:LOADED_AT]->() RETURN 'LOADED_AT' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:DISCHARGED_AT]->() RETURN 'DISCHARGED_AT' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:DELIVERED_AT]->() RETURN 'DELIVERED_AT' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:TRANSSHIPPED_AT]->() RETURN 'TRANSSHIPPED_AT' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:FOLLOWS_ROUTE]->() RETURN 'FOLLOWS_ROUTE' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:CARRIES]->() RETURN 'CARRIES' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:UNDER_BL]->() RETURN 'UNDER_BL' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:SEALED_WITH]->() RETURN 'SEALED_WITH' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:REPORTED_BY]->() RETURN 'REPORTED_BY' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:PREVIOUS_VERSION]->() RETURN 'PREVIOUS_VERSION' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:HAS_TAX_ID]->() RETURN 'HAS_TAX_ID' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:HAS_PHONE]->() RETURN 'HAS_PHONE' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:HAS_EMAIL]->() RETURN 'HAS_EMAIL' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:HAS_ADDRESS]->() RETURN 'HAS_ADDRESS' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:SEIZED]->() RETURN 'SEIZED' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:SEIZED_CONTAINER]->() RETURN 'SEIZED_CONTAINER' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:FLAGS]->() RETURN 'FLAGS' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:RESOLVES_TO]->() RETURN 'RESOLVES_TO' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:IN_COUNTRY]->() RETURN 'IN_COUNTRY' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:SHIPPED_TO]->() RETURN 'SHIPPED_TO' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:USES_IDENTIFIER]->() RETURN 'USES_IDENTIFIER' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:USED_CONTAINER]->() RETURN 'USED_CONTAINER' AS type, count(r) AS count
