package org.gpconnect.appointment.foundations.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.junit.jupiter.api.Test;

/** foundations.md §9.1: which patients Foundations discloses, rule by rule, including the date boundaries. */
class PatientDisclosureTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void anActiveVerifiedLivingNonSensitivePatientIsDisclosed() {
        assertThat(PatientDisclosure.disclosable(patient(), TODAY)).isTrue();
    }

    @Test
    void eachRuleOnItsOwnHidesThePatient() {
        PatientEntity inactive = patient();
        inactive.registrationStatus = "inactive";
        PatientEntity deceased = patient();
        deceased.deceasedDate = TODAY.minusYears(1);
        PatientEntity sensitive = patient();
        sensitive.sensitive = true;
        PatientEntity unverified = patient();
        unverified.nhsNumberVerified = false;
        for (PatientEntity hidden : new PatientEntity[]{inactive, deceased, sensitive, unverified}) {
            assertThat(PatientDisclosure.disclosable(hidden, TODAY)).isFalse();
        }
    }

    @Test
    void aRegistrationEndingTodayIsStillActiveAndOneEndedYesterdayIsNot() {
        PatientEntity endsToday = patient();
        endsToday.registrationEnd = TODAY;
        PatientEntity endedYesterday = patient();
        endedYesterday.registrationEnd = TODAY.minusDays(1);
        assertThat(PatientDisclosure.disclosable(endsToday, TODAY)).isTrue();
        assertThat(PatientDisclosure.disclosable(endedYesterday, TODAY)).isFalse();
    }

    private static PatientEntity patient() {
        PatientEntity patient = new PatientEntity();
        patient.registrationStatus = "active";
        patient.nhsNumberVerified = true;
        return patient;
    }
}
