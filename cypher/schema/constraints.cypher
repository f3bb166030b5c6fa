// title: Schema: constraints and indexes
// purpose: One uniqueness constraint on `id` per label, and the model's lookup indexes.
// mode: schema
// generated from consignet/model/graph.yaml by consignet.model.codegen: do not edit
CREATE CONSTRAINT consignment_id IF NOT EXISTS FOR (n:Consignment) REQUIRE n.id IS UNIQUE;
CREATE INDEX consignment_originator IF NOT EXISTS FOR (n:Consignment) ON (n.originator);
CREATE INDEX consignment_hs6 IF NOT EXISTS FOR (n:Consignment) ON (n.hs6);
CREATE INDEX consignment_shipment_date IF NOT EXISTS FOR (n:Consignment) ON (n.shipment_date);
CREATE INDEX consignment_source_file IF NOT EXISTS FOR (n:Consignment) ON (n.source_file);
CREATE CONSTRAINT consignment_version_id IF NOT EXISTS FOR (n:ConsignmentVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (n:Mention) REQUIRE n.id IS UNIQUE;
CREATE INDEX mention_name_norm IF NOT EXISTS FOR (n:Mention) ON (n.name_norm);
CREATE INDEX mention_originator IF NOT EXISTS FOR (n:Mention) ON (n.originator);
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE INDEX actor_actor_key IF NOT EXISTS FOR (n:Actor) ON (n.actor_key);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX actor_originator_count IF NOT EXISTS FOR (n:Actor) ON (n.originator_count);
CREATE CONSTRAINT vessel_id IF NOT EXISTS FOR (n:Vessel) REQUIRE n.id IS UNIQUE;
CREATE INDEX vessel_imo IF NOT EXISTS FOR (n:Vessel) ON (n.imo);
CREATE CONSTRAINT container_id IF NOT EXISTS FOR (n:Container) REQUIRE n.id IS UNIQUE;
CREATE INDEX container_number IF NOT EXISTS FOR (n:Container) ON (n.number);
CREATE CONSTRAINT port_id IF NOT EXISTS FOR (n:Port) REQUIRE n.id IS UNIQUE;
CREATE INDEX port_locode IF NOT EXISTS FOR (n:Port) ON (n.locode);
CREATE CONSTRAINT route_id IF NOT EXISTS FOR (n:Route) REQUIRE n.id IS UNIQUE;
CREATE INDEX route_ports IF NOT EXISTS FOR (n:Route) ON (n.ports);
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE INDEX country_code IF NOT EXISTS FOR (n:Country) ON (n.code);
CREATE CONSTRAINT commodity_id IF NOT EXISTS FOR (n:Commodity) REQUIRE n.id IS UNIQUE;
CREATE INDEX commodity_hs6 IF NOT EXISTS FOR (n:Commodity) ON (n.hs6);
CREATE CONSTRAINT tax_id_id IF NOT EXISTS FOR (n:TaxId) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE INDEX phone_e164 IF NOT EXISTS FOR (n:Phone) ON (n.e164);
CREATE CONSTRAINT email_id IF NOT EXISTS FOR (n:Email) REQUIRE n.id IS UNIQUE;
CREATE INDEX email_address IF NOT EXISTS FOR (n:Email) ON (n.address);
CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bill_of_lading_id IF NOT EXISTS FOR (n:BillOfLading) REQUIRE n.id IS UNIQUE;
CREATE INDEX bill_of_lading_number IF NOT EXISTS FOR (n:BillOfLading) ON (n.number);
CREATE CONSTRAINT seal_id IF NOT EXISTS FOR (n:Seal) REQUIRE n.id IS UNIQUE;
CREATE INDEX seal_number IF NOT EXISTS FOR (n:Seal) ON (n.number);
CREATE CONSTRAINT seizure_id IF NOT EXISTS FOR (n:Seizure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT flag_id IF NOT EXISTS FOR (n:Flag) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (n:Meta) REQUIRE n.id IS UNIQUE;
CREATE INDEX meta_key IF NOT EXISTS FOR (n:Meta) ON (n.key);
CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (n:IngestRun) REQUIRE n.id IS UNIQUE;
CREATE INDEX ingest_run_run_id IF NOT EXISTS FOR (n:IngestRun) ON (n.run_id);
CREATE INDEX rel_shipped_to_count IF NOT EXISTS FOR ()-[r:SHIPPED_TO]-() ON (r.record_count);
CREATE INDEX rel_uses_identifier_count IF NOT EXISTS FOR ()-[r:USES_IDENTIFIER]-() ON (r.record_count);
CREATE INDEX rel_used_container_count IF NOT EXISTS FOR ()-[r:USED_CONTAINER]-() ON (r.record_count);
