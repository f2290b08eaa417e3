-- The service roots of demo practice B82617 (COXWOLD SURGERY, provider ASID 918999198738), as the NHS
-- provider test pack addresses them (testdata/endpoints.yaml "base_paths"). The structured operation is
-- also accepted on the Foundations root, since the pack may be configured with one base for both
-- (testdata/README.md "Bases").
INSERT INTO provider_endpoint (service_root, ods_code, provider_asid, capabilities) VALUES
    ('/B82617/STU3/1/gpconnect/fhir', 'B82617', '918999198738', '{FOUNDATIONS_AND_APPOINTMENTS,ACCESS_RECORD_STRUCTURED}'),
    ('/B82617/STU3/1/gpconnect/structured/fhir', 'B82617', '918999198738', '{ACCESS_RECORD_STRUCTURED}'),
    ('/B82617/DSTU2/1/gpconnect/fhir', 'B82617', '918999198738', '{ACCESS_RECORD_HTML}')
ON CONFLICT (service_root) DO NOTHING
;

-- The NHS provider test pack's consumer (testdata/endpoints.yaml: Ssp-From 200000000359), accredited for
-- every interaction this suite serves and allowed to send all three capabilities to B82617.
INSERT INTO consumer_system (asid, name, ods_code) VALUES
    ('200000000359', 'GP Connect provider assurance test consumer', 'GPCA0001')
ON CONFLICT (asid) DO NOTHING;

INSERT INTO consumer_accreditation (consumer_asid, interaction_id)
SELECT '200000000359', 'urn:nhs:names:services:gpconnect:' || suffix FROM (VALUES
    ('fhir:rest:read:metadata-1'), ('fhir:rest:read:patient-1'), ('fhir:rest:search:patient-1'),
    ('fhir:operation:gpc.registerpatient-1'), ('fhir:rest:read:practitioner-1'), ('fhir:rest:search:practitioner-1'),
    ('fhir:rest:read:organization-1'), ('fhir:rest:search:organization-1'), ('fhir:rest:read:location-1'),
    ('fhir:rest:search:slot-1'), ('fhir:rest:create:appointment-1'), ('fhir:rest:read:appointment-1'),
    ('fhir:rest:update:appointment-1'), ('fhir:rest:cancel:appointment-1'), ('fhir:rest:search:patient_appointments-1'),
    ('fhir:operation:gpc.getstructuredrecord-1'), ('structured:fhir:rest:read:metadata-1'),
    ('fhir:operation:gpc.getcarerecord'), ('fhir:rest:read:metadata')) AS accredited (suffix)
ON CONFLICT DO NOTHING;

INSERT INTO sharing_agreement (consumer_asid, provider_ods, capability) VALUES
    ('200000000359', 'B82617', 'FOUNDATIONS_AND_APPOINTMENTS'),
    ('200000000359', 'B82617', 'ACCESS_RECORD_STRUCTURED'),
    ('200000000359', 'B82617', 'ACCESS_RECORD_HTML')
ON CONFLICT DO NOTHING;

-- The operators' record viewer of the local run and of demonstrations (docs/adr/0015-record-viewer.md),
-- configured with gpconnect.gateway.viewer.asid=918999198993: a consumer system like any other, accredited
-- for the HTML care record only and allowed to send it to B82617.
INSERT INTO consumer_system (asid, name, ods_code) VALUES
    ('918999198993', 'GP Connect record viewer (operators, demonstrations)', 'GPCVIEW01')
ON CONFLICT (asid) DO NOTHING;

INSERT INTO consumer_accreditation (consumer_asid, interaction_id) VALUES
    ('918999198993', 'urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord')
ON CONFLICT DO NOTHING;

INSERT INTO sharing_agreement (consumer_asid, provider_ods, capability) VALUES
    ('918999198993', 'B82617', 'ACCESS_RECORD_HTML')
ON CONFLICT DO NOTHING
