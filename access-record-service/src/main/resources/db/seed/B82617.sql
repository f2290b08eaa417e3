-- Access Record seed data of practice B82617 (COXWOLD SURGERY), taken from the standard GP Connect
-- provider test dataset (testdata/*.yaml, the reference demonstrator's seed data).
--
-- Run by the seed loader inside one transaction, after the schema (V1__record_schema.sql) exists.
-- Idempotent: every insert skips rows that are already there (ON CONFLICT DO NOTHING on the primary
-- key). Existing rows are never updated, so running it again changes nothing.
--
-- Not seeded here: the clinical record (added with the later clinical migrations).


-- ---------------------------------------------------------------------------------------------------
-- The practice served by this deployment (README.md quick reference, organisations.yaml ORG1).
-- Access Record Structured and HTML are both offered.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO practice (ods_code, name, gp_connect_enabled, structured_enabled, html_enabled)
VALUES ('B82617', 'COXWOLD SURGERY', true, true, true)
ON CONFLICT (ods_code) DO NOTHING;


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
