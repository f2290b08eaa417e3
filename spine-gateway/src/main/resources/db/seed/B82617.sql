-- The service roots of demo practice B82617 (COXWOLD SURGERY, provider ASID 918999198738), as the NHS
-- provider test pack addresses them (testdata/endpoints.yaml "base_paths"). The structured operation is
-- also accepted on the Foundations root, since the pack may be configured with one base for both
-- (testdata/README.md "Bases").
INSERT INTO provider_endpoint (service_root, ods_code, provider_asid, capabilities) VALUES
    ('/B82617/STU3/1/gpconnect/fhir', 'B82617', '918999198738', '{FOUNDATIONS_AND_APPOINTMENTS,ACCESS_RECORD_STRUCTURED}'),
    ('/B82617/STU3/1/gpconnect/structured/fhir', 'B82617', '918999198738', '{ACCESS_RECORD_STRUCTURED}'),
    ('/B82617/DSTU2/1/gpconnect/fhir', 'B82617', '918999198738', '{ACCESS_RECORD_HTML}')
ON CONFLICT (service_root) DO NOTHING
