-- Access Record seed data of practice B82617 (COXWOLD SURGERY), taken from the standard GP Connect
-- provider test dataset (testdata/*.yaml, the reference demonstrator's seed data).
--
-- Run by the seed loader inside one transaction, after the schema (V1__record_schema.sql) exists.
-- Idempotent: every insert skips rows that are already there (ON CONFLICT DO NOTHING on the primary
-- key). Existing rows are never updated, so running it again changes nothing.
--
-- The clinical record of Access Record Structured (allergies and medications) follows the patients.


-- ---------------------------------------------------------------------------------------------------
-- The practice served by this deployment (README.md quick reference, organisations.yaml ORG1).
-- Access Record Structured and HTML are both offered.
-- ---------------------------------------------------------------------------------------------------
-- ---------------------------------------------------------------------------------------------------
-- Organisations (organisations.yaml), the same logical ids as in appointment-service. ORG1 is the
-- practice; its address and phone are the reference demonstrator's.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO organization (id, ods_code, name, phone, address_lines, city, district, postal_code, country)
VALUES
    ('1', 'B82617', 'COXWOLD SURGERY',           '0300 303 5678', ARRAY['NHS NPFIT Test Data Manager'], 'Princes Exchange', 'Leeds', 'LS1 4HY', 'UK'),
    ('2', 'R1A14',  'Test GP Care Trust',        NULL, '{}', NULL, NULL, NULL, NULL),
    ('3', 'R1A14',  'The Hockey Surgery',        NULL, '{}', NULL, NULL, NULL, NULL),
    ('4', 'GPC001', 'GP Connect Demonstrator',   NULL, '{}', NULL, NULL, NULL, NULL),
    ('5', 'R1A17',  'Test GP Second Care Trust', NULL, '{}', NULL, NULL, NULL, NULL),
    ('6', 'R1A15',  'Test GP Care Trust Site B', NULL, '{}', NULL, NULL, NULL, NULL),
    ('7', 'R3B46',  'New GP Practice',           NULL, '{}', NULL, NULL, NULL, NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO practice (ods_code, name, gp_connect_enabled, structured_enabled, html_enabled, organization_id)
VALUES ('B82617', 'COXWOLD SURGERY', true, true, true, '1')
ON CONFLICT (ods_code) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------
-- Practitioners (practitioners.yaml), same logical ids as in appointment-service, with their roles.
-- practitioner1 (G13579135) is every patient's usual GP and the recorder of the seeded clinical items.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO practitioner (id, sds_user_id, name_prefix, given_names, family_name, gender)
VALUES
    ('1', 'G13579135', 'Miss', ARRAY['Nichole'], 'Gilbert', 'female'),
    ('2', 'G11111116', 'Mrs',  ARRAY['Melissa'], 'Parsons', 'female'),
    ('3', 'G22345655', 'Mr',   ARRAY['Kibo'],    'Slater',  'male'),
    ('5', 'G22222226', 'Mrs',  ARRAY['Melissa'], 'Parsons', 'female')
ON CONFLICT (id) DO NOTHING;

INSERT INTO practitioner_role_profile (practitioner_id, role_profile_id)
VALUES ('2', 'PT1234'), ('3', 'PT1122'), ('3', 'PT1234'), ('5', 'PT3333')
ON CONFLICT (practitioner_id, role_profile_id) DO NOTHING;

INSERT INTO practitioner_language (practitioner_id, code, display)
VALUES ('1', 'de', 'German'), ('1', 'en', 'English'), ('2', 'de', 'German'), ('3', 'de', 'German'),
       ('3', 'en', 'English'), ('5', 'en', 'English')
ON CONFLICT (practitioner_id, code) DO NOTHING;

INSERT INTO practitioner_role (id, practitioner_id, organization_id, role_code, role_display)
VALUES ('1', '1', '1', 'R0050', 'Consultant'),
       ('2', '2', '2', 'R0042', 'paediatrician'),
       ('3', '3', '4', 'R0050', 'Consultant'),
       ('5', '5', '2', 'R0042', 'paediatrician')
ON CONFLICT (id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Patients (patients.yaml). Logical id = the number in the key (patientNoAppointments -> '20'),
-- the same ids as in every other service.
-- Defaults from patients.yaml: registered at B82617, active, type R (regular), start 1962-07-13,
-- NHS number verified, home phone as listed (phone_mobile only where a mobile is listed, patient2).
-- Special cases: 9 and 10 sensitive, 11 superseded NHS number, 12 merged record,
-- 13 record in transit, 14 not on Spine (registration start 1935-11-05),
-- 15 dissent (consent_to_share false), 18 deceased 1993-02-17 and multiple birth,
-- 21 inactive registration, 19 registration start 2017-05-13 ('PNA' = person not available,
-- values copied as given).
-- version and last_updated keep their column defaults.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO patient (id, practice_ods, nhs_number, nhs_number_verified, superseded_nhs_number, title, given_names,
                     family_name, birth_date, gender,
                     address_lines, postal_code, phone_home, phone_mobile,
                     sensitive, deceased_date, on_spine, consent_to_share, multiple_birth, merged_record,
                     record_in_transit, registration_status, registration_type, registration_start)
VALUES
    ('1',  'B82617', '9690937278', true, false, 'MR',   ARRAY['Lucien'],    'SAMUAL', '1938-12-11', 'male',
           ARRAY['268 PIPER KNOWLE ROAD', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS19 8JP', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('2',  'B82617', '9690937286', true, false, 'MR',   ARRAY['Horace'],    'SKELLY', '1925-04-21', 'male',
           ARRAY['3 BOWESFIELD CRESCENT', 'STOCKTON-ON-TEES'], 'TS18 3BL', '01454587554', '+447401254880',
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('3',  'B82617', '9690937294', true, false, 'MR',   ARRAY['Samuel'],    'HESLBY', '1936-03-17', 'male',
           ARRAY['10 MANOR DRIVE', 'STILLINGTON', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS21 1JG', '02123636563', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('4',  'B82617', '9690937308', true, false, 'MR',   ARRAY['West'],      'CRANK',  '1925-07-04', 'male',
           ARRAY['2 DALBY CLOSE', 'BILLINGHAM', 'CLEVELAND'], 'TS22 5RW', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('5',  'B82617', '9690937375', true, false, 'MRS',  ARRAY['Rosa'],      'LOBB',   '1928-03-10', 'female',
           ARRAY['164 HIGH NEWHAM ROAD', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS19 8NS', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('6',  'B82617', '9690937383', true, false, 'MS',   ARRAY['Angela'],    'DOULBY', '1953-06-14', 'female',
           ARRAY['1 AYSGARTH ROAD', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS18 4JG', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('7',  'B82617', '9690937391', true, false, 'MRS',  ARRAY['Mina'],      'BAILEY', '1953-06-30', 'female',
           ARRAY['75 JUNCTION ROAD', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS20 1PU', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('8',  'B82617', '9690937405', true, false, 'MRS',  ARRAY['Winnie'],    'PRING',  '1929-10-20', 'female',
           ARRAY['66 ROTHWELL CRESCENT', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS19 9AP', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('9',  'B82617', '9690938533', true, false, 'MRS',  ARRAY['Anita'],     'CLAY',   '2000-09-09', 'female',
           ARRAY['1 MONMOUTH DRIVE', 'EAGLESCLIFFE', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS16 9HU', '01454587554', NULL,
           true, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('10', 'B82617', '9690938541', true, false, 'MS',   ARRAY['Tania'],     'REEVES', '1960-03-28', 'female',
           ARRAY['10 ROWAN ROAD', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS19 0EZ', '01454587554', NULL,
           true, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('11', 'B82617', '9690938622', true, true, 'MRS',  ARRAY['Alexi'],     'HORN',   '1978-11-28', 'female',
           ARRAY['19 HARTBURN LANE', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS18 4EP', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('12', 'B82617', '9690938614', true, false, 'MISS', ARRAY['Elsa'],      'LEARY',  '1965-12-17', 'female',
           ARRAY['RIGBY HOUSE', 'THE MEADOWINGS', 'YARM', 'CLEVELAND'], 'TS15 9QQ', '01454587554', NULL,
           false, NULL, true, true, false, true, false, 'active', 'R', '1962-07-13'),
    ('13', 'B82617', '9690938096', true, false, 'MS',   ARRAY['Cecile'],    'BESTON', '2001-03-16', 'female',
           ARRAY['3 SALTRAM CLOSE', 'INGLEBY BARWICK', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS17 0XF', '01454587554', NULL,
           false, NULL, true, true, false, false, true, 'active', 'R', '1962-07-13'),
    ('14', 'B82617', '9476718943', true, false, 'MS',   ARRAY['Georgina'],  'HOPLEY', '1927-05-15', 'female',
           ARRAY['103 ENDERBY ROAD', 'SCUNTHORPE'], 'DN17 2JL', '01454587554', NULL,
           false, NULL, false, true, false, false, false, 'active', 'R', '1935-11-05'),
    ('15', 'B82617', '9690938576', true, false, 'MRS',  ARRAY['Dora'],      'McCAIN', '1972-09-16', 'female',
           ARRAY['2 ABBEY CLOSE', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS19 7SP', '01454587554', NULL,
           false, NULL, true, false, false, false, false, 'active', 'R', '1962-07-13'),
    ('16', 'B82617', '9690938118', true, false, 'MRS',  ARRAY['Sibyl'],     'CRAINE', '1983-11-24', 'female',
           ARRAY['1 LANGHAM WALK', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS19 7NX', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('17', 'B82617', '9690938126', true, false, 'MRS',  ARRAY['Doris'],     'BOURKE', '1984-06-09', 'female',
           ARRAY['11 SKIRLAW ROAD', 'YARM', 'CLEVELAND'], 'TS15 9DW', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('18', 'B82617', '9690938681', true, false, 'MR',   ARRAY['James'],     'ROONEY', '1968-02-03', 'male',
           ARRAY['8 AUSTEN CLOSE', 'BILLINGHAM', 'CLEVELAND'], 'TS23 3GT', '01454587554', NULL,
           false, '1993-02-17', true, true, true, false, false, 'active', 'R', '1962-07-13'),
    ('20', 'B82617', '9690938134', true, false, 'MS',   ARRAY['Lori'],      'GILDEA', '1983-07-06', 'female',
           ARRAY['3 MELFORD GROVE', 'INGLEBY BARWICK', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS17 0YF', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '1962-07-13'),
    ('21', 'B82617', '9690938142', true, false, 'MISS', ARRAY['Eve'],       'BUCK',   '1999-04-13', 'female',
           ARRAY['10 WOLSEY DRIVE', 'STOCKTON-ON-TEES', 'CLEVELAND'], 'TS20 1SY', '01454587554', NULL,
           false, NULL, true, true, false, false, false, 'inactive', 'R', '1962-07-13'),
    ('19', 'B82617', '9866105660', true, false, 'PNA',  ARRAY['PNA'],       'PNA',    '2017-05-20', 'male',
           ARRAY['PNA', 'PNA'], 'PNA', 'PNA', NULL,
           false, NULL, true, true, false, false, false, 'active', 'R', '2017-05-13')
ON CONFLICT (id) DO NOTHING;

-- Every patient's usual GP is practitioner1 (patients.yaml). Only sets what is not set yet.
UPDATE patient SET general_practitioner_id = '1' WHERE practice_ods = 'B82617' AND general_practitioner_id IS NULL;


-- ---------------------------------------------------------------------------------------------------
-- Allergies (clinical.yaml "allergies"). Ids are derived from a stable key (md5 -> uuid), so they are
-- persistent across loads and databases. asserted_date is the recorded date where the dataset gives
-- one, else the onset date. Category 'food' is kept as recorded (it is sent as environment, §8).
-- confidential: the items clinical.yaml marks "warning: confidential-items" (patients 16 and 17): they
-- are never sent, their lists carry the warning. The items it marks "warning: data-in-transit" are not
-- an item property: that warning comes from the patient's transfer state (patient13).
-- ---------------------------------------------------------------------------------------------------
INSERT INTO allergy_intolerance (id, patient_id, clinical_status, category, code, code_display, onset_date, onset_precision,
                                 asserted_date, recorder_id, end_date, end_reason, reaction_code, reaction_display,
                                 reaction_severity, note, confidential)
SELECT md5('B82617:allergy:' || v.patient_id || ':' || v.seq)::uuid, v.patient_id, v.status, v.category, v.code, v.display,
       v.onset::date, CASE WHEN v.onset IS NULL THEN NULL ELSE 'day' END,
       coalesce(v.asserted, v.onset)::date, '1', v.end_date::date, v.end_reason, v.reaction_code, v.reaction_display,
       v.severity, v.note, v.confidential
FROM (VALUES
    ('2',  1, 'resolved', 'environment', '91935009',  'Allergy to peanuts',                    '1962-08-12', '2016-11-01', '2016-11-01', 'Desensitised to Peanuts', '249519007', 'Diarrhoea and vomiting', 'mild', NULL, false),
    ('2',  2, 'active',   'food',        '89707004',  'Sesame oil (substance)',                '1963-07-27', NULL, NULL, NULL, '230145002', 'Difficulty breathing', 'severe', NULL, false),
    ('3',  1, 'resolved', 'environment', '419063004', 'Allergy to horse dander',               '2016-05-01', NULL, '2016-07-01', 'Cured', '289100008', 'Difficulty taking deep breaths', NULL, NULL, false),
    ('3',  2, 'active',   'medication',  '294915005', 'Iodophore allergy (disorder)',          '2016-05-01', NULL, NULL, NULL, '702757002', 'Severe dry skin', NULL, NULL, false),
    ('4',  1, 'resolved', 'environment', '21719001',  'Allergic rhinitis caused by pollen',    '2016-05-01', NULL, '2016-07-01', 'Cured', '61582004', 'Allergic rhinitis', NULL, NULL, false),
    ('4',  2, 'active',   'medication',  '293585002', 'Salicylate allergy',                    '2016-05-01', NULL, NULL, NULL, '39579001', 'Anaphylaxis (disorder)', NULL, NULL, false),
    ('5',  1, 'active',   NULL,          '716186003', 'No known allergy',                      NULL, '2010-07-22', NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('6',  1, 'resolved', 'environment', '21719001',  'Allergic rhinitis caused by pollen',    '2016-05-01', NULL, '2016-07-01', 'Cured', '61582004', 'Allergic rhinitis', NULL, NULL, false),
    ('6',  2, 'active',   'medication',  '294716003', 'Biphasic insulin allergy',              '2016-05-01', NULL, NULL, NULL, '23924001', 'Tight chest', NULL, NULL, false),
    ('7',  1, 'resolved', 'environment', '21719001',  'Allergic rhinitis caused by pollen',    '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('7',  2, 'active',   'medication',  '294716003', 'Biphasic insulin allergy',              '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('8',  1, 'resolved', 'environment', '91935009',  'Allergy to peanuts',                    '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('8',  2, 'active',   'medication',  '294915005', 'Iodophore allergy',                     '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('9',  1, 'resolved', 'environment', '91935009',  'Allergy to peanuts (disorder)',         '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('9',  2, 'active',   'medication',  '294915005', 'Iodophore allergy (disorder)',          '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('10', 1, 'resolved', 'environment', '91935009',  'Allergy to peanuts (disorder)',         '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('10', 2, 'active',   'medication',  '293585002', 'Salicylate allergy (disorder)',         '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('11', 1, 'resolved', 'environment', '91935009',  'Allergy to peanuts (disorder)',         '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('11', 2, 'active',   'medication',  '293585002', 'Salicylate allergy (disorder)',         '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('12', 1, 'resolved', 'medication',  '294505008', 'Amoxicillin allergy (disorder)',        '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('12', 2, 'active',   'medication',  '293585002', 'Salicylate allergy (disorder)',         '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('13', 1, 'resolved', 'medication',  '294505008', 'Amoxicillin allergy (disorder)',        '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('13', 2, 'active',   'medication',  '293585002', 'Salicylate allergy (disorder)',         '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('14', 1, 'active',   'medication',  '293585002', 'Salicylate allergy (disorder)',         '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('15', 1, 'resolved', 'environment', '232348003', 'Feather allergy (disorder)',            '2016-05-01', NULL, '2016-07-01', 'Cured', NULL, NULL, NULL, NULL, false),
    ('15', 2, 'active',   'medication',  '294716003', 'Biphasic insulin allergy (disorder)',   '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, false),
    ('16', 1, 'resolved', 'medication',  '294716003', 'Biphasic insulin allergy (disorder)',   '2016-05-01', NULL, '2016-07-01', NULL, '49237006', 'Allergic diarrhea (disorder)', NULL, NULL, true),
    ('16', 2, 'resolved', 'medication',  '294716003', 'Biphasic insulin allergy (disorder)',   '2016-05-02', NULL, '2016-07-02', NULL, NULL, NULL, NULL, NULL, false),
    ('16', 3, 'active',   'medication',  '293585002', 'Salicylate allergy (disorder)',         '2016-05-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, true),
    ('17', 1, 'resolved', 'environment', '232348003', 'Feather allergy (disorder)',            '2016-05-01', NULL, '2016-07-01', 'Cured', '703630003', 'Red eye (finding)', NULL, NULL, true),
    ('17', 2, 'active',   'medication',  '29476003',  'Biphasic insulin allergy (disorder)',   '2016-05-01', NULL, NULL, NULL, '49237006', 'Allergic diarrhea (disorder)', NULL, NULL, true)
) AS v (patient_id, seq, status, category, code, display, onset, asserted, end_date, end_reason, reaction_code,
        reaction_display, severity, note, confidential)
ON CONFLICT (id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Medications (clinical.yaml "medications"). Every date is shifted forward at load time by the whole
-- months between 2018-10-01 and the load date (the dataset's "shift", as the reference demonstrator
-- does on reset), so patient2 always has medication inside the last three years and patient5's repeat
-- is current. Issues are spread evenly from the start date to the last issue date.
-- Departure: patient2 also has a sixth, confidential repeat (Amlodipine) that is never sent: it is what
-- gives the patient2 medication list the confidential-items warning the matrix asks for, while the five
-- listed medications stay visible for the search-from-date tests.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO medication (id, code, code_display, code_text)
VALUES
    (md5('B82617:medication:9751511000001104')::uuid,  '9751511000001104',  'Sertraline 100mg tablets', NULL),
    (md5('B82617:medication:411533003')::uuid,         '411533003',         'Metformin 2G Modified-Release tablets', NULL),
    (md5('B82617:medication:320030001')::uuid,         '320030001',         'Atorvastatin 20mg tablets', NULL),
    (md5('B82617:medication:325242002')::uuid,         '325242002',         'Gliclazide 80mg tablets', NULL),
    (md5('B82617:medication:11933011000001106')::uuid, '11933011000001106', 'Lantus 100units/ml solution for injection 3ml pre-filled SoloStar pen', NULL),
    (md5('B82617:medication:322623000')::uuid,         '322623000',         'Tramadol 50mg capsules', NULL),
    (md5('B82617:medication:196421000000109')::uuid,   '196421000000109',   'Transfer-degraded medication entry', 'Actomol'),
    (md5('B82617:medication:319284000')::uuid,         '319284000',         'Amlodipine 10mg tablets', NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO medication_authorisation (id, statement_id, patient_id, medication_id, status, statement_status, prescription_type,
        prescribing_agency, effective_start, effective_start_precision, effective_end, effective_end_precision,
        authored_on, date_asserted, recorder_id, dosage_text, repeats_allowed, repeats_issued, authorisation_expiry,
        last_issue_date, reason_code, reason_display, confidential)
SELECT md5('B82617:medication-plan:' || v.patient_id || ':' || v.seq)::uuid,
       md5('B82617:medication-statement:' || v.patient_id || ':' || v.seq)::uuid,
       v.patient_id, md5('B82617:medication:' || v.code)::uuid, v.plan_status, v.status, v.type, v.agency,
       v.start_date::date + s.shift, 'day',
       v.end_date::date + s.shift, CASE WHEN v.end_date IS NULL THEN NULL ELSE 'day' END,
       v.start_date::date + s.shift, v.start_date::date + s.shift, '1', v.dosage,
       v.repeats_allowed, coalesce(v.repeats_issued, v.issues), v.end_date::date + s.shift,
       v.last_issue::date + s.shift, v.reason_code, v.reason_display, v.confidential
FROM (VALUES
    ('2',  1, '9751511000001104',  'repeat',            'active',    'active',    'prescribed-at-gp-practice',          '2017-11-10', '2018-09-14', '2018-08-17', '1 tablet once a day', 12, 11, 11, '35489007', 'Depressive Disorder', false),
    ('2',  2, '411533003',         'repeat-dispensing', 'active',    'active',    'prescribed-at-gp-practice',          '2017-11-22', '2018-09-26', '2018-08-29', '2 tablets a day', 12, NULL, 12, '44054006', 'Type 2 diabetes mellitus', false),
    ('2',  3, '320030001',         'repeat',            'active',    'active',    'prescribed-at-gp-practice',          '2017-11-22', '2018-09-26', '2018-08-29', '1 tablet a day', 12, 11, 11, NULL, NULL, false),
    ('2',  4, '325242002',         'repeat',            'active',    'active',    'prescribed-at-gp-practice',          '2017-11-22', '2018-09-26', '2018-08-29', '1 tablet a day', 12, 11, 11, NULL, NULL, false),
    ('2',  5, '11933011000001106', 'repeat',            'active',    'active',    'prescribed-at-gp-practice',          '2018-01-15', '2018-12-14', '2018-08-27', 'As directed', 12, 9, 9, NULL, NULL, false),
    ('2',  6, '319284000',         'repeat',            'active',    'active',    'prescribed-at-gp-practice',          '2017-11-22', '2018-09-26', '2018-08-29', '1 tablet a day', 12, 11, 11, NULL, NULL, true),
    ('3',  1, '322623000',         'acute',             'completed', 'completed', 'prescribed-at-gp-practice',          '2018-01-04', NULL,         '2018-01-04', 'Use as often as required', NULL, NULL, 1, NULL, NULL, false),
    ('5',  1, '322623000',         'repeat',            'active',    'active',    'prescribed-at-gp-practice',          '2018-01-12', '2020-07-12', '2018-03-14', 'Use as often as required', 6, 4, 3, NULL, NULL, false),
    ('12', 1, '196421000000109',   'acute',             'completed', 'completed', 'prescribed-by-another-organisation', '1958-01-04', NULL,         NULL,         'Take one tablet three times a day', NULL, NULL, 1, NULL, NULL, false)
) AS v (patient_id, seq, code, type, plan_status, status, agency, start_date, end_date, last_issue, dosage,
        repeats_allowed, repeats_issued, issues, reason_code, reason_display, confidential)
CROSS JOIN (SELECT make_interval(months => ((extract(year from current_date)::int - 2018) * 12
                                            + extract(month from current_date)::int - 10)) AS shift) AS s
ON CONFLICT (id) DO NOTHING;

-- The issues (MedicationRequest intent=order): n of them per authorisation, the first on the start date,
-- the last on the last issue date (or all on the start date when no last issue date is recorded).
INSERT INTO medication_issue (id, authorisation_id, issue_number, status, issue_date, validity_end, recorder_id)
SELECT md5('B82617:medication-issue:' || a.id || ':' || n)::uuid, a.id, n, 'completed',
       a.effective_start + CASE WHEN i.issues > 1 AND a.last_issue_date IS NOT NULL
                                THEN ((a.last_issue_date - a.effective_start) * (n - 1)) / (i.issues - 1)
                                ELSE 0 END,
       a.effective_start + CASE WHEN i.issues > 1 AND a.last_issue_date IS NOT NULL
                                THEN ((a.last_issue_date - a.effective_start) * (n - 1)) / (i.issues - 1)
                                ELSE 0 END + 28,
       a.recorder_id
FROM medication_authorisation a
JOIN (VALUES ('2', 1, 11), ('2', 2, 12), ('2', 3, 11), ('2', 4, 11), ('2', 5, 9), ('2', 6, 11),
             ('3', 1, 1), ('5', 1, 3), ('12', 1, 1)) AS i (patient_id, seq, issues)
  ON a.id = md5('B82617:medication-plan:' || i.patient_id || ':' || i.seq)::uuid
CROSS JOIN generate_series(1, i.issues) AS n
ON CONFLICT (id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Problems of patient2 (clinical.yaml "problems", all active, onset 2019-03-28) and what they are linked to.
-- The two "generated" problems of the dataset are made concrete: one linked to the active allergy
-- (sesame oil), one to the Sertraline authorisation (its recorded reason, depressive disorder).
-- The Postviral cough is a child of the upper respiratory infection. The hepatitis A immunisation and
-- the temperature observation are linked to the upper respiratory infection ("linked to a problem").
-- ---------------------------------------------------------------------------------------------------
INSERT INTO problem_header (id, patient_id, clinical_status, significance, code, code_display, onset_date, onset_precision,
                            asserted_date, asserter_id)
SELECT md5('B82617:problem:2:' || v.seq)::uuid, '2', 'active', v.significance, v.code, v.display, '2019-03-28', 'day',
       '2019-03-28', '1'
FROM (VALUES
    (1, 'major', '231504006', 'Mixed anxiety and depressive disorder'),
    (2, 'minor', '449614009', 'Swelling of lower limb'),
    (3, 'minor', '54150009',  'Upper respiratory infection'),
    (4, 'minor', '445241004', 'Postviral cough'),
    (5, 'minor', '414285001', 'Allergy to food'),
    (6, 'major', '35489007',  'Depressive disorder')
) AS v (seq, significance, code, display)
ON CONFLICT (id) DO NOTHING;

INSERT INTO problem_link (problem_id, item_type, item_id, relationship)
VALUES
    (md5('B82617:problem:2:3')::uuid, 'problem',      md5('B82617:problem:2:4')::uuid, 'child'),
    (md5('B82617:problem:2:4')::uuid, 'problem',      md5('B82617:problem:2:3')::uuid, 'parent'),
    (md5('B82617:problem:2:5')::uuid, 'allergy',      md5('B82617:allergy:2:2')::uuid, NULL),
    (md5('B82617:problem:2:6')::uuid, 'medication',   md5('B82617:medication-plan:2:1')::uuid, NULL),
    (md5('B82617:problem:2:3')::uuid, 'immunisation', md5('B82617:immunisation:2:1')::uuid, NULL),
    (md5('B82617:problem:2:3')::uuid, 'observation',  md5('B82617:observation:2:1')::uuid, NULL)
ON CONFLICT (problem_id, item_type, item_id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Immunisations (clinical.yaml "immunisations"): first hepatitis A vaccination, vaccine not recorded
-- (UNK), given 2019-06-28, target disease viral hepatitis type A (SNOMED 40468003). Site and route are
-- the dataset's (patient2 only).
-- ---------------------------------------------------------------------------------------------------
INSERT INTO immunisation (id, patient_id, procedure_code, procedure_display, administered_date, administered_precision,
                          recorded_date, practitioner_id, dose_sequence, target_disease_code, target_disease_display,
                          site_code, site_display, route_code, route_display)
VALUES
    (md5('B82617:immunisation:2:1')::uuid, '2', '170378007', 'First hepatitis A vaccination', '2019-06-28', 'day', '2019-06-28', '1',
     1, '40468003', 'Viral hepatitis, type A', '368209003', 'Right upper arm', '34206005', 'Subcutaneous route'),
    (md5('B82617:immunisation:3:1')::uuid, '3', '170378007', 'First hepatitis A vaccination', '2019-06-28', 'day', '2019-06-28', '1',
     1, '40468003', 'Viral hepatitis, type A', NULL, NULL, NULL, NULL)
ON CONFLICT (id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Uncategorised data (clinical.yaml "uncategorised", the same three observations for patients 2 and 3),
-- taken 2019-03-28 10:30 UK time (GMT that day), recorded at the same time, performer practitioner1.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO observation (id, patient_id, kind, code, code_display, effective_at, issued, performer_id, value_quantity, value_unit)
SELECT md5('B82617:observation:' || p.patient_id || ':' || v.seq)::uuid, p.patient_id, 'uncategorised', v.code, v.display,
       timestamptz '2019-03-28 10:30:00+00', timestamptz '2019-03-28 10:30:00+00', '1', v.value, v.unit
FROM (VALUES
    (1, '703421000',        'Temperature',                                            36.7, 'Cel'),
    (2, '1097811000000106', 'Arterial oxygen saturation breathing room air at rest', 96,   '%'),
    (3, '86290005',         'Respiratory rate',                                       16,   '/min')
) AS v (seq, code, display, value, unit)
CROSS JOIN (VALUES ('2'), ('3')) AS p (patient_id)
ON CONFLICT (id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Investigations (clinical.yaml "investigations", the same two reports for patients 2 and 3): an FBC
-- report with its request, venous blood specimen, FBC test group with four results, and a filing
-- comment; a second report with request and specimen only. Issued 2019-04-03 12:00, specimen collected
-- 2019-04-01 11:00 (UK time, BST). patient2's FBC report is linked to a problem (swelling of lower limb);
-- patient3's reports are not. The dataset's further FBC results ("haematocrit, MCV, ...") are given
-- without codes and are not loaded.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO test_request (id, patient_id, code_text, authored_on, requester_id)
SELECT md5('B82617:test-request:' || p.id || ':' || r.seq)::uuid, p.id, 'FBC - Full blood count', '2019-04-01', '1'
FROM (VALUES ('2'), ('3')) AS p (id) CROSS JOIN (VALUES (1), (2)) AS r (seq)
ON CONFLICT (id) DO NOTHING;

INSERT INTO diagnostic_report (id, patient_id, test_request_id, code, code_display, status, issued)
SELECT md5('B82617:investigation:' || p.id || ':' || r.seq)::uuid, p.id, md5('B82617:test-request:' || p.id || ':' || r.seq)::uuid,
       '721981007', 'Diagnostic studies report', 'final', timestamptz '2019-04-03 12:00:00+01'
FROM (VALUES ('2'), ('3')) AS p (id) CROSS JOIN (VALUES (1), (2)) AS r (seq)
ON CONFLICT (id) DO NOTHING;

INSERT INTO specimen (id, report_id, position, type_code, type_display, collected_at)
SELECT md5('B82617:specimen:' || p.id || ':' || r.seq)::uuid, md5('B82617:investigation:' || p.id || ':' || r.seq)::uuid, 1,
       '122555007', 'Venous blood specimen', timestamptz '2019-04-01 11:00:00+01'
FROM (VALUES ('2'), ('3')) AS p (id) CROSS JOIN (VALUES (1), (2)) AS r (seq)
ON CONFLICT (id) DO NOTHING;

INSERT INTO investigation_observation (id, report_id, group_id, position, kind, code, code_display, status, value_quantity,
                                       value_unit, comment, issued, performer_id)
SELECT md5('B82617:investigation-observation:' || p.id || ':' || v.seq)::uuid, md5('B82617:investigation:' || p.id || ':1')::uuid,
       CASE WHEN v.kind = 'result' THEN md5('B82617:investigation-observation:' || p.id || ':1')::uuid END,
       v.seq, v.kind, v.code, v.display, v.status, v.value, v.unit, v.comment,
       timestamptz '2019-04-03 12:00:00+01', '1'
FROM (VALUES
    (1, 'test-group',     '26604007',         'FBC - Full blood count',  'final',   NULL::numeric, NULL, NULL),
    (2, 'result',         '1022541000000102', 'Total white cell count',  'final',   5.7,  '10*9/L',  NULL),
    (3, 'result',         '1022451000000103', 'Red blood cell count',    'final',   4.57, '10*12/L', NULL),
    (4, 'result',         '1022431000000105', 'Haemoglobin estimation',  'final',   142,  'g/L',     NULL),
    (5, 'result',         '1022651000000100', 'Platelet count',          'final',   206,  '10*9/L',  NULL),
    (6, 'filing-comment', '37331000000100',   'Comment note',            'unknown', NULL, NULL, 'Results reviewed: normal, no action')
) AS v (seq, kind, code, display, status, value, unit, comment)
CROSS JOIN (VALUES ('2'), ('3')) AS p (id)
ON CONFLICT (id) DO NOTHING;

INSERT INTO problem_link (problem_id, item_type, item_id)
VALUES (md5('B82617:problem:2:2')::uuid, 'investigation', md5('B82617:investigation:2:1')::uuid)
ON CONFLICT (problem_id, item_type, item_id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Referrals (clinical.yaml "referrals"): intent order, priority routine, authored 2019-03-28 10:30,
-- requested by practitioner1 on behalf of the practice. patient2's physiotherapy referral is linked to a
-- problem (swelling of lower limb); patient3's are not. patient16: the physiotherapy referral, and
-- (departure, so that its referrals list carries the confidential-items warning the matrix asks for) a
-- second, confidential referral that is never sent.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO referral_request (id, patient_id, priority, authored_on, requester_id, on_behalf_of_org_id, reason_text, confidential)
SELECT md5('B82617:referral:' || v.patient_id || ':' || v.seq)::uuid, v.patient_id, 'routine', timestamptz '2019-03-28 10:30:00+00',
       '1', '1', v.reason, v.confidential
FROM (VALUES
    ('2',  1, 'Referral to physiotherapist', false),
    ('2',  2, 'Referral to counselor',       false),
    ('3',  1, 'Referral to physiotherapist', false),
    ('3',  2, 'Referral to counselor',       false),
    ('16', 1, 'Referral to physiotherapist', false),
    ('16', 2, 'Referral to counselor',       true)
) AS v (patient_id, seq, reason, confidential)
ON CONFLICT (id) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------
-- Diary entries (clinical.yaml "diary", placeholders meeting the matrix): recalls falling due within the
-- next ten years, relative to the load date. patient2's is linked to a problem (depressive disorder).
-- ---------------------------------------------------------------------------------------------------
INSERT INTO diary_entry (id, patient_id, code_text, occurrence_date, occurrence_precision, authored_on, requester_id)
VALUES
    (md5('B82617:diary:2:1')::uuid, '2', 'Recall for medication review', current_date + 180, 'day', current_date, '1'),
    (md5('B82617:diary:3:1')::uuid, '3', 'Recall for blood test',        current_date + 365, 'day', current_date, '1')
ON CONFLICT (id) DO NOTHING;

INSERT INTO problem_link (problem_id, item_type, item_id)
VALUES (md5('B82617:problem:2:2')::uuid, 'referral', md5('B82617:referral:2:1')::uuid),
       (md5('B82617:problem:2:6')::uuid, 'diary',    md5('B82617:diary:2:1')::uuid)
ON CONFLICT (problem_id, item_type, item_id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Consultations of patient2 (clinical.yaml "consultations": three Surgery Consultations, practitioner1 at
-- ORG1). Every item a topic or heading holds is a record of its own area, so it is also in that area's
-- list and the consultation only refers to it (access-record-structured.md §6, §7.5):
--   * existing records, linked: the temperature, SpO2 and respiratory rate (taken at the first
--     consultation), the confidential Amlodipine repeat (the untitled topic: it is never sent, so that
--     topic is suppressed and the consultations' medications list warns), both referrals (authored at the
--     first consultation: physiotherapy in "Knee Pain", counsellor in the anxiety plan, as in the reference
--     demonstrator), the postviral cough problem (reviewed at the second) and the FBC report (reviewed at
--     the third);
--   * records added because the consultations name them: Citalopram 20mg (a six-month repeat started at
--     the first consultation, issued there and at the second and third), Paracetamol 500mg (acute, first
--     consultation, prescribed for the URTI and linked to that problem), the blood pressure of the
--     swollen-legs examination, and the physiotherapy referral letter (a small docx, clinical.yaml
--     "documents"), also the referral's supporting document.
-- Headings the dataset lists without naming an item (e.g. "History") hold nothing and, like every empty
-- section, are not recorded (§7.5: empty sections are suppressed at source). Dates are the dataset's, not
-- shifted: what happened in a consultation keeps the consultation's date.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO medication (id, code, code_display, code_text)
VALUES
    (md5('B82617:medication:321987003')::uuid, '321987003', 'Citalopram 20mg tablets', NULL),
    (md5('B82617:medication:322236009')::uuid, '322236009', 'Paracetamol 500mg tablets', NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO medication_authorisation (id, statement_id, patient_id, medication_id, status, statement_status, prescription_type,
        prescribing_agency, effective_start, effective_start_precision, effective_end, effective_end_precision,
        authored_on, date_asserted, recorder_id, dosage_text, repeats_allowed, repeats_issued, authorisation_expiry,
        last_issue_date, reason_code, reason_display)
VALUES
    (md5('B82617:medication-plan:2:7')::uuid, md5('B82617:medication-statement:2:7')::uuid, '2',
     md5('B82617:medication:321987003')::uuid, 'completed', 'completed', 'repeat', 'prescribed-at-gp-practice',
     '2019-03-28', 'day', '2019-09-27', 'day', '2019-03-28', '2019-03-28', '1', '1 tablet once a day', 6, 3, '2019-09-27',
     '2019-06-01', '231504006', 'Mixed anxiety and depressive disorder'),
    (md5('B82617:medication-plan:2:8')::uuid, md5('B82617:medication-statement:2:8')::uuid, '2',
     md5('B82617:medication:322236009')::uuid, 'completed', 'completed', 'acute', 'prescribed-at-gp-practice',
     '2019-03-28', 'day', NULL, NULL, '2019-03-28', '2019-03-28', '1', '2 tablets up to four times a day', NULL, 0, NULL,
     '2019-03-28', '54150009', 'Upper respiratory infection')
ON CONFLICT (id) DO NOTHING;

INSERT INTO medication_issue (id, authorisation_id, issue_number, status, issue_date, validity_end, recorder_id)
VALUES
    (md5('B82617:medication-issue:2:7:1')::uuid, md5('B82617:medication-plan:2:7')::uuid, 1, 'completed', '2019-03-28', '2019-04-25', '1'),
    (md5('B82617:medication-issue:2:7:2')::uuid, md5('B82617:medication-plan:2:7')::uuid, 2, 'completed', '2019-05-01', '2019-05-29', '1'),
    (md5('B82617:medication-issue:2:7:3')::uuid, md5('B82617:medication-plan:2:7')::uuid, 3, 'completed', '2019-06-01', '2019-06-29', '1'),
    (md5('B82617:medication-issue:2:8:1')::uuid, md5('B82617:medication-plan:2:8')::uuid, 1, 'completed', '2019-03-28', '2019-04-04', '1')
ON CONFLICT (id) DO NOTHING;

INSERT INTO observation (id, patient_id, kind, code, code_display, effective_at, issued, performer_id)
VALUES (md5('B82617:observation:2:4')::uuid, '2', 'blood-pressure', '75367002', 'Blood pressure',
        timestamptz '2019-03-28 10:30:00+00', timestamptz '2019-03-28 10:30:00+00', '1')
ON CONFLICT (id) DO NOTHING;
INSERT INTO observation_component (observation_id, position, code, code_display, value_quantity, value_unit)
VALUES (md5('B82617:observation:2:4')::uuid, 1, '72313002', 'Systolic arterial pressure', 142, 'mm[Hg]'),
       (md5('B82617:observation:2:4')::uuid, 2, '1091811000000102', 'Diastolic arterial pressure', 88, 'mm[Hg]')
ON CONFLICT (observation_id, position) DO NOTHING;

INSERT INTO encounter (id, patient_id, status, type_text, period_start, period_end, recorder_id, performer_id,
                       service_provider_org_id, last_modified)
VALUES
    (md5('B82617:encounter:2:1')::uuid, '2', 'finished', 'Surgery Consultation', '2019-03-28 10:30:00+00', '2019-03-28 10:38:00+00',
     '1', '1', '1', '2019-03-28 10:38:00+00'),
    (md5('B82617:encounter:2:2')::uuid, '2', 'finished', 'Surgery Consultation', '2019-05-01 10:30:00+00', NULL,
     '1', '1', '1', '2019-05-01 10:30:00+00'),
    (md5('B82617:encounter:2:3')::uuid, '2', 'finished', 'Surgery Consultation', '2019-06-01 10:30:00+00', NULL,
     '1', '1', '1', '2019-06-01 10:30:00+00')
ON CONFLICT (id) DO NOTHING;

-- Topics (key c:t) and headings (key c:t:h); a topic with headings holds no items itself.
INSERT INTO consultation_section (id, encounter_id, parent_id, position, title, problem_id)
SELECT md5('B82617:consultation-section:2:' || v.key)::uuid, md5('B82617:encounter:2:' || v.encounter)::uuid,
       CASE WHEN v.parent IS NULL THEN NULL ELSE md5('B82617:consultation-section:2:' || v.parent)::uuid END,
       v.position, v.title,
       CASE WHEN v.problem IS NULL THEN NULL ELSE md5('B82617:problem:2:' || v.problem)::uuid END
FROM (VALUES
    ('1:1',   1, NULL,  1, 'Anxiety with Depression',            1),
    ('1:1:4', 1, '1:1', 4, 'Plan',                               NULL),
    ('1:2',   1, NULL,  2, 'Swollen legs',                       2),
    ('1:2:2', 1, '1:2', 2, 'Examination',                        NULL),
    ('1:3',   1, NULL,  3, NULL,                                 NULL),
    ('1:4',   1, NULL,  4, 'Upper respiratory tract infection',  3),
    ('1:4:2', 1, '1:4', 2, 'Plan',                               NULL),
    ('1:5',   1, NULL,  5, 'Knee Pain',                          NULL),
    ('1:5:3', 1, '1:5', 3, 'Plan',                               NULL),
    ('2:1',   2, NULL,  1, 'Anxiety with Depression',            1),
    ('2:2',   2, NULL,  2, 'Upper respiratory tract infection',  3),
    ('3:1',   3, NULL,  1, 'Anxiety with Depression',            1),
    ('3:2',   3, NULL,  2, 'Swollen legs',                       2)
) AS v (key, encounter, parent, position, title, problem)
ON CONFLICT (id) DO NOTHING;

INSERT INTO consultation_item (section_id, position, item_type, item_id)
SELECT md5('B82617:consultation-section:2:' || v.section)::uuid, v.position, v.type, md5(v.item)::uuid
FROM (VALUES
    ('1:1:4', 1, 'medication',       'B82617:medication-plan:2:7'),
    ('1:1:4', 2, 'medication-issue', 'B82617:medication-issue:2:7:1'),
    ('1:1:4', 3, 'referral',         'B82617:referral:2:2'),
    ('1:2:2', 1, 'observation',      'B82617:observation:2:1'),
    ('1:2:2', 2, 'observation',      'B82617:observation:2:2'),
    ('1:2:2', 3, 'observation',      'B82617:observation:2:3'),
    ('1:2:2', 4, 'observation',      'B82617:observation:2:4'),
    ('1:3',   1, 'medication',       'B82617:medication-plan:2:6'),
    ('1:4:2', 1, 'medication',       'B82617:medication-plan:2:8'),
    ('1:4:2', 2, 'medication-issue', 'B82617:medication-issue:2:8:1'),
    ('1:5:3', 1, 'referral',         'B82617:referral:2:1'),
    ('1:5:3', 2, 'document',         'B82617:document:2:1'),
    ('2:1',   1, 'medication-issue', 'B82617:medication-issue:2:7:2'),
    ('2:2',   1, 'problem',          'B82617:problem:2:4'),
    ('3:1',   1, 'medication-issue', 'B82617:medication-issue:2:7:3'),
    ('3:2',   1, 'investigation',    'B82617:investigation:2:1')
) AS v (section, position, type, item)
ON CONFLICT (section_id, position) DO NOTHING;

-- Documents (clinical.yaml "documents"; metadata only): patient2's physiotherapy referral letter (small
-- docx), written at the first consultation and the referral's supporting document; patient4's large
-- (over 5 MB) discharge summary, in no consultation, problem or referral (so no structured query returns
-- it: Access Document, which would, is out of scope).
INSERT INTO document_reference (id, patient_id, status, type_text, description, created, indexed, author_org_id,
                                custodian_org_id, content_type, size_bytes, attachment_title, encounter_id, referral_id)
VALUES
    (md5('B82617:document:2:1')::uuid, '2', 'current', 'Referral letter', 'Referral to physiotherapist',
     '2019-03-28 10:38:00+00', '2019-03-28 10:38:00+00', '1', '1',
     'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 24576, 'physiotherapy-referral.docx',
     md5('B82617:encounter:2:1')::uuid, md5('B82617:referral:2:1')::uuid),
    (md5('B82617:document:4:1')::uuid, '4', 'current', 'Discharge summary', 'Discharge summary',
     '2016-07-01 09:00:00+01', '2016-07-04 09:00:00+01', NULL, '1',
     'application/pdf', 6291456, 'discharge-summary.pdf', NULL, NULL)
ON CONFLICT (id) DO NOTHING;

-- Problems linked to the consultations whose topics are about them, the URTI to the Paracetamol prescribed
-- for it (a consultation linked to a problem that links to a medication and uncategorised data: the
-- matrix), and the swelling of the lower limb to the physiotherapy referral letter.
INSERT INTO problem_link (problem_id, item_type, item_id)
VALUES (md5('B82617:problem:2:1')::uuid, 'consultation', md5('B82617:encounter:2:1')::uuid),
       (md5('B82617:problem:2:1')::uuid, 'consultation', md5('B82617:encounter:2:2')::uuid),
       (md5('B82617:problem:2:1')::uuid, 'consultation', md5('B82617:encounter:2:3')::uuid),
       (md5('B82617:problem:2:2')::uuid, 'consultation', md5('B82617:encounter:2:1')::uuid),
       (md5('B82617:problem:2:2')::uuid, 'consultation', md5('B82617:encounter:2:3')::uuid),
       (md5('B82617:problem:2:3')::uuid, 'consultation', md5('B82617:encounter:2:1')::uuid),
       (md5('B82617:problem:2:3')::uuid, 'consultation', md5('B82617:encounter:2:2')::uuid),
       (md5('B82617:problem:2:3')::uuid, 'medication',   md5('B82617:medication-plan:2:8')::uuid),
       (md5('B82617:problem:2:2')::uuid, 'document',     md5('B82617:document:2:1')::uuid)
ON CONFLICT (problem_id, item_type, item_id) DO NOTHING;


-- ---------------------------------------------------------------------------------------------------
-- Administrative items (access_record_html.yaml, column "administrative"; V7): patient2 has data dated
-- between 2015-05-01 and 2016-07-01 as the HTML matrix asks. Only the HTML view reads this table.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO administrative_item (id, patient_id, entry_date, entry, details, recorder_id)
SELECT md5('B82617:administrative:2:' || v.seq)::uuid, '2', v.entry_date::date, v.entry, v.details, '1'
FROM (VALUES
    (1, '2015-06-15', 'Did not attend appointment',              'Routine diabetes review missed'),
    (2, '2016-02-10', 'Medication review invitation letter sent', 'Second letter; telephone contact advised'),
    (3, '2016-06-20', 'Influenza vaccination invitation sent',    NULL)
) AS v (seq, entry_date, entry, details)
ON CONFLICT (id) DO NOTHING;
