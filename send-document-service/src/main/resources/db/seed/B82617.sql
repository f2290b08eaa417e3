-- Send Document seed data of practice B82617 (COXWOLD SURGERY), taken from the standard GP Connect
-- provider test dataset (testdata/*.yaml, the reference demonstrator's seed data). The dataset has no
-- Send Document data of its own (README.md scope notes), so this is its practice and patient list.
--
-- Run by the seed loader inside one transaction, after the schema (V1__inbox_schema.sql) exists.
-- Idempotent: every insert skips rows that are already there (ON CONFLICT DO NOTHING on the primary
-- key). Existing rows are never updated, so running it again changes nothing.


-- ---------------------------------------------------------------------------------------------------
-- The practice served by this deployment (README.md quick reference, organisations.yaml ORG1).
-- mesh_mailbox_id is left NULL on purpose: the practice's MESH mailbox comes from the deployment
-- configuration, not from seed data (the dataset defines none).
-- ---------------------------------------------------------------------------------------------------
INSERT INTO practice (ods_code, name, mesh_mailbox_id)
VALUES ('B82617', 'COXWOLD SURGERY', NULL)
ON CONFLICT (ods_code) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Registered-patient index (patients.yaml), every patient of the dataset, in its order
-- (patient1 to patient18, patientNoAppointments, patient21, patient19).
-- active = registration active AND not deceased: false for 18 (deceased 1993-02-17) and
-- 21 (inactive registration). Sensitive (9, 10), dissent (15) and not-on-Spine (14) patients are
-- still registered, so active.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO registered_patient (practice_ods, nhs_number, family_name, given_names, birth_date, active)
VALUES
    ('B82617', '9690937278', 'SAMUAL', ARRAY['Lucien'],    '1938-12-11', true),
    ('B82617', '9690937286', 'SKELLY', ARRAY['Horace'],    '1925-04-21', true),
    ('B82617', '9690937294', 'HESLBY', ARRAY['Samuel'],    '1936-03-17', true),
    ('B82617', '9690937308', 'CRANK',  ARRAY['West'],      '1925-07-04', true),
    ('B82617', '9690937375', 'LOBB',   ARRAY['Rosa'],      '1928-03-10', true),
    ('B82617', '9690937383', 'DOULBY', ARRAY['Angela'],    '1953-06-14', true),
    ('B82617', '9690937391', 'BAILEY', ARRAY['Mina'],      '1953-06-30', true),
    ('B82617', '9690937405', 'PRING',  ARRAY['Winnie'],    '1929-10-20', true),
    ('B82617', '9690938533', 'CLAY',   ARRAY['Anita'],     '2000-09-09', true),
    ('B82617', '9690938541', 'REEVES', ARRAY['Tania'],     '1960-03-28', true),
    ('B82617', '9690938622', 'HORN',   ARRAY['Alexi'],     '1978-11-28', true),
    ('B82617', '9690938614', 'LEARY',  ARRAY['Elsa'],      '1965-12-17', true),
    ('B82617', '9690938096', 'BESTON', ARRAY['Cecile'],    '2001-03-16', true),
    ('B82617', '9476718943', 'HOPLEY', ARRAY['Georgina'],  '1927-05-15', true),
    ('B82617', '9690938576', 'McCAIN', ARRAY['Dora'],      '1972-09-16', true),
    ('B82617', '9690938118', 'CRAINE', ARRAY['Sibyl'],     '1983-11-24', true),
    ('B82617', '9690938126', 'BOURKE', ARRAY['Doris'],     '1984-06-09', true),
    ('B82617', '9690938681', 'ROONEY', ARRAY['James'],     '1968-02-03', false),
    ('B82617', '9690938134', 'GILDEA', ARRAY['Lori'],      '1983-07-06', true),
    ('B82617', '9690938142', 'BUCK',   ARRAY['Eve'],       '1999-04-13', false),
    ('B82617', '9866105660', 'PNA',    ARRAY['PNA'],       '2017-05-20', true)
ON CONFLICT (practice_ods, nhs_number) DO NOTHING;
