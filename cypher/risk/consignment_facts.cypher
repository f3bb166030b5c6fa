// title: Risk facts of consignments
// purpose: The visible consignments of an id range, as one row `rows` holding a list per consignment with what the risk indicators and the actor projection read: dates, HS-6, description, mass, value, mode, and `links`, one list per outgoing link the engine reads, in the consignment's relationship order: [0, role, [actor id, actor name, actor kind] or null, kind, name as written, tax scheme, tax id] for a party (HAS_PARTY to a Mention), [1, number] for a container, [2, locode] loading, [3, locode] discharge, [4, locode] delivery, [5, locode, seq] a transshipment port (the reader sorts and splits them). One expansion of the consignment's relationships instead of one per kind (each typed expansion walked the whole relationship chain again: this cut the server's work by a third at 1M), lists, not maps, no ORDER BY (the caller sorts: sorting a million rows in the server doubled its time). The id range is an index seek, so a reader splits the scan into ranges of a few thousand consignments read by several sessions; one record per range, not per consignment, as the driver's own work per record was most of the reader's time.
// mode: read
// param viewer_country (string or null): the viewing country, null for all; example: null
// param viewer_groups (list of strings): the viewer's closed groups; example: []
// param id_from (string or null): first consignment id of a range, null from the start; example: null
// param id_to (string or null): end of the range (excluded), null to the end; example: null
MATCH (c:Consignment)
WHERE c.id >= coalesce($id_from, '') AND c.id < coalesce($id_to, '\uffff')
  AND ($viewer_country IS NULL OR c.originator = $viewer_country OR coalesce(c.scope_kind, 'network') = 'network' OR (c.scope_kind = 'countries' AND $viewer_country IN coalesce(c.scope_countries, [])) OR (c.scope_kind = 'group' AND c.scope_group IN $viewer_groups))
RETURN collect([c.id, c.record_id, c.originator, coalesce(c.reporting_country, c.originator), c.source_file,
       c.source_row, c.ingest_run, c.shipment_date, c.departure_date, c.arrival_date, c.hs6, c.goods_description,
       c.gross_mass_kg, c.value, c.currency, c.packages, c.transport_mode,
       [(c)-[r:HAS_PARTY|IN_CONTAINER|LOADED_AT|DISCHARGED_AT|DELIVERED_AT|TRANSSHIPPED_AT]->(x) |
         CASE type(r)
           WHEN 'HAS_PARTY' THEN [0, x.role, [(x)-[:RESOLVES_TO]->(a:Actor) | [a.id, a.name, a.kind]][0], x.kind,
                                  x.name, x.tax_scheme, x.tax_id]
           WHEN 'IN_CONTAINER' THEN [1, x.number]
           WHEN 'LOADED_AT' THEN [2, x.locode]
           WHEN 'DISCHARGED_AT' THEN [3, x.locode]
           WHEN 'DELIVERED_AT' THEN [4, x.locode]
           ELSE [5, x.locode, coalesce(r.seq, 0)] END]]) AS rows
