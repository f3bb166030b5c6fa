// title: Risk facts of flags
// purpose: Visible analysts' flags and watch-list hits with the node each flags (an actor, container, identifier, vessel, B/L or consignment): seeds of the proximity indicator and of alerts.
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
MATCH (f:Flag)
WHERE ($viewer_country IS NULL OR f.originator = $viewer_country OR coalesce(f.scope_kind, 'network') = 'network' OR (f.scope_kind = 'countries' AND $viewer_country IN coalesce(f.scope_countries, [])) OR (f.scope_kind = 'group' AND f.scope_group IN $viewer_groups))
OPTIONAL MATCH (f)-[:FLAGS]->(t)
RETURN f.id AS id, coalesce(t.id, f.target_id) AS target,
       [l IN labels(t) WHERE l IN ['Actor', 'Container', 'TaxId', 'Phone', 'Email', 'Address', 'Vessel', 'BillOfLading', 'Consignment']][0] AS target_label,
       f.reason AS reason, f.severity AS severity, f.note AS note, f.created_by AS created_by,
       f.created_at AS created_at, f.seizure AS seizure
ORDER BY id
