-- Practice administration (the GP system's admin API, /admin/practices/{ods}/...): slot templates the practice
-- edits, slots that know which template made them, and the audit of the enablement switches (foundations.md §6).

-- Days of the week a session runs on (ISO: 1 = Monday ... 7 = Sunday; every day unless the practice says
-- otherwise) and a version that moves with every change, so the slot roller can tell slots made from an older
-- template.
ALTER TABLE slot_session
    ADD COLUMN days_of_week  smallint[]  NOT NULL DEFAULT '{1,2,3,4,5,6,7}',
    ADD COLUMN version       integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    ADD CONSTRAINT slot_session_days_of_week_check
        CHECK (cardinality(days_of_week) BETWEEN 1 AND 7 AND days_of_week <@ '{1,2,3,4,5,6,7}'::smallint[]);

-- The session (and its version) a slot was generated from. Removing a session keeps its slots (SET NULL): a booked
-- slot is never deleted; the roller withdraws the free future ones.
ALTER TABLE slot
    ADD COLUMN session_id       bigint   REFERENCES slot_session (id) ON DELETE SET NULL,
    ADD COLUMN session_version  integer;
CREATE INDEX slot_session_id_idx ON slot (session_id);

-- slots generated before this migration: the session whose hours hold them
UPDATE slot s SET session_id = ss.id, session_version = ss.version
  FROM slot_session ss, schedule sc, practice p
 WHERE ss.schedule_id = s.schedule_id AND sc.id = s.schedule_id AND p.ods_code = sc.practice_ods
   AND (s.start_at AT TIME ZONE p.time_zone)::time >= ss.start_time
   AND (s.start_at AT TIME ZONE p.time_zone)::time < ss.end_time;

-- Set once the practice has edited a schedule's sessions through the admin API: from then on the demo seed data
-- leaves the schedule's sessions alone (it would otherwise put back a session the practice removed).
ALTER TABLE schedule ADD COLUMN sessions_managed boolean NOT NULL DEFAULT false;

-- Every change of a practice switch (foundations.md §6, security-and-audit.md §3.1 "also audit enabling/disabling
-- GP Connect and each capability"): which switch, old and new value, when and by whom (the operator's id from the
-- admin token), written in the transaction that changes the switch.
CREATE TABLE practice_switch_change (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    practice_ods  varchar(20)  NOT NULL REFERENCES practice (ods_code),
    switch_name   varchar(32)  NOT NULL CHECK (switch_name IN ('gp-connect', 'appointment-management')),
    old_value     boolean      NOT NULL,
    new_value     boolean      NOT NULL,
    changed_at    timestamptz  NOT NULL,
    changed_by    text         NOT NULL,
    CHECK (old_value <> new_value)
);
CREATE INDEX practice_switch_change_practice_idx ON practice_switch_change (practice_ods, changed_at);
