package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;
import static org.gpconnect.accessrecord.structured.StructuredApi.update;

import ca.uhn.fhir.model.dstu2.resource.Patient;
import ca.uhn.fhir.model.primitive.DateTimeDt;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The patient rules of access-record-html.md §2 with the dataset's special patients (testdata README,
 * "Behaviour of the special patients", column "HTML record").
 */
@QuarkusTest
class PatientChecksTest {

    @Inject
    Pool pool;

    @Test
    void unknownPatientIsNotFoundAndAudited() {
        assertOutcome(post(request(NOT_IN_SYSTEM, "SUM")), 404, "PATIENT_NOT_FOUND");
        post(request(NOT_IN_SYSTEM, "SUM")).header("X-GPC-Audit-NHS-Number", NOT_IN_SYSTEM);
    }

    @Test
    void sensitivePatientsAreNotFound() {
        assertOutcome(post(request(PATIENT9, "ALL")), 404, "PATIENT_NOT_FOUND");
        assertOutcome(post(request(PATIENT10, "ALL")), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void patientNotOnSpineIsNotFound() {
        // unlike Access Record Structured, which serves patient14
        assertOutcome(post(request(PATIENT14, "SUM")), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void inactiveRegistrationIsNotFound() {
        assertOutcome(post(request(PATIENT21, "SUM")), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void patientDeceasedLongAgoIsNotFound() {
        assertOutcome(post(request(PATIENT18, "SUM")), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void dissentIsNoPatientConsentForEverySection() {
        for (String code : SECTIONS) {
            assertOutcome(post(request(PATIENT15, code)), 403, "NO_PATIENT_CONSENT");
            post(request(PATIENT15, code)).header("X-GPC-Audit-NHS-Number", PATIENT15);
        }
    }

    @Test
    void notRegisteredAsRegularPatientIsNotFound() {
        update(pool, "UPDATE patient SET registration_type = 'T' WHERE id = '20'");
        try {
            assertOutcome(post(request(PATIENT20, "SUM")), 404, "PATIENT_NOT_FOUND");
        } finally {
            update(pool, "UPDATE patient SET registration_type = 'R' WHERE id = '20'");
        }
    }

    @Test
    void unverifiedNhsNumberIsNotFound() {
        update(pool, "UPDATE patient SET nhs_number_verified = false WHERE id = '20'");
        try {
            assertOutcome(post(request(PATIENT20, "SUM")), 404, "PATIENT_NOT_FOUND");
        } finally {
            update(pool, "UPDATE patient SET nhs_number_verified = true WHERE id = '20'");
        }
    }

    @Test
    void deceasedWithinTwentyEightDaysIsServedWithTheDateOfDeath() {
        LocalDate died = LocalDate.now().minusDays(28);
        update(pool, "UPDATE patient SET deceased_date = $1 WHERE id = '20'", died);
        try {
            Patient patient = bundle(ok(request(PATIENT20, "SUM")).asString()).getEntry().stream()
                    .map(e -> e.getResource()).filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
            assertThat(((DateTimeDt) patient.getDeceased()).getValueAsString()).isEqualTo(died.toString());
        } finally {
            update(pool, "UPDATE patient SET deceased_date = NULL WHERE id = '20'");
        }
    }

    @Test
    void deceasedAfterTheAccessPeriodIsNotFound() {
        update(pool, "UPDATE patient SET deceased_date = $1 WHERE id = '20'", LocalDate.now().minusDays(29));
        try {
            assertOutcome(post(request(PATIENT20, "SUM")), 404, "PATIENT_NOT_FOUND");
        } finally {
            update(pool, "UPDATE patient SET deceased_date = NULL WHERE id = '20'");
        }
    }

    @Test
    void sensitiveAndDissentingPatientIsNotFoundNotNoConsent() {
        // the 404 checks come before dissent: the answer must not reveal that the patient exists
        update(pool, "UPDATE patient SET sensitive = true, consent_to_share = false WHERE id = '20'");
        try {
            assertOutcome(post(request(PATIENT20, "SUM")), 404, "PATIENT_NOT_FOUND");
        } finally {
            update(pool, "UPDATE patient SET sensitive = false, consent_to_share = true WHERE id = '20'");
        }
    }

    @Test
    void requestErrorsComeBeforeThePatient() {
        // an invalid time period for an unknown patient is still the parameter's error
        assertOutcome(post(parameters(nhsNumber(NOT_IN_SYSTEM), section("SUM"), period("2016", null))), 400, "INVALID_PARAMETER");
    }
}
