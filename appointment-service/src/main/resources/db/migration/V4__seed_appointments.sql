-- Demo data only: appointments the practice itself booked, which the standard test dataset expects to exist
-- at every reset (testdata/schedules_and_slots.yaml seed_appointments). The seed files fill this table; the
-- service books each row into the practice's earliest free slot after the slots have rolled (ADR 0005), and
-- books it again once the previous one has passed or was cancelled. Empty in production.
CREATE TABLE seed_appointment (
    practice_ods         varchar(20)  NOT NULL REFERENCES practice (ods_code),
    position             integer      NOT NULL CHECK (position > 0),   -- rows are booked in this order
    patient_id           varchar(64)  NOT NULL REFERENCES patient (id),
    description          text         NOT NULL,
    comment              text,
    booking_org_ods      varchar(20)  NOT NULL,
    booking_org_name     text         NOT NULL,
    booking_org_telecom  text         NOT NULL,
    PRIMARY KEY (practice_ods, position)
);
