package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The patient checks of access-record-structured.md §9 with the dataset's special patients
 * (testdata/README.md "Behaviour of the special patients"), and the Patient the record returns.
 */
@QuarkusTest
class PatientChecksTest {

    @Inject
    Pool pool;

    @Test
    void sensitivePatientsAreNotFound() {
        assertOutcome(post(parameters(nhsNumber(PATIENT9), allergies(true))), 404, "PATIENT_NOT_FOUND");
        assertOutcome(post(parameters(nhsNumber(PATIENT10), allergies(true))), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void deceasedPatientIsNotFound() {
        assertOutcome(post(parameters(nhsNumber(PATIENT18), allergies(true))), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void inactivePatientIsNotFound() {
        assertOutcome(post(parameters(nhsNumber(PATIENT21), allergies(true))), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void unknownPatientIsNotFound() {
        assertOutcome(post(parameters(nhsNumber(NOT_IN_SYSTEM), allergies(true))), 404, "PATIENT_NOT_FOUND")
                .header("X-GPC-Audit-NHS-Number", NOT_IN_SYSTEM);
    }

    @Test
    void dissentIsNoPatientConsent() {
        assertOutcome(post(parameters(nhsNumber(PATIENT15), allergies(true))), 403, "NO_PATIENT_CONSENT");
    }

    @Test
    void patientNotOnSpineIsStillServed() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT14), allergies(true)));
        assertThat(all(bundle, Patient.class).get(0).getIdentifierFirstRep().getValue()).isEqualTo(PATIENT14);
    }

    @Test
    void temporaryRegistrationIsNotFound() {
        // §9: not registered here as a regular (GMS) patient
        update(pool, "UPDATE patient SET registration_type = 'T' WHERE id = '20'");
        try {
            assertOutcome(post(parameters(nhsNumber("9690938134"), allergies(true))), 404, "PATIENT_NOT_FOUND");
        } finally {
            update(pool, "UPDATE patient SET registration_type = 'R' WHERE id = '20'");
        }
    }

    @Test
    void unverifiedNhsNumberIsNotFound() {
        update(pool, "UPDATE patient SET nhs_number_verified = false WHERE id = '20'");
        try {
            assertOutcome(post(parameters(nhsNumber("9690938134"), allergies(true))), 404, "PATIENT_NOT_FOUND");
        } finally {
            update(pool, "UPDATE patient SET nhs_number_verified = true WHERE id = '20'");
        }
    }

    @Test
    void sensitiveDeceasedDissentingPatientIsNotFoundNotNoConsent() {
        // the 404 checks come before dissent (§9 order)
        update(pool, "UPDATE patient SET consent_to_share = false, sensitive = true WHERE id = '20'");
        try {
            assertOutcome(post(parameters(nhsNumber("9690938134"), allergies(true))), 404, "PATIENT_NOT_FOUND");
        } finally {
            update(pool, "UPDATE patient SET consent_to_share = true, sensitive = false WHERE id = '20'");
        }
    }

    @Test
    void thePatientIsACareConnectPatientWithItsGpAndPractice() {
        // §4: Patient as the Foundations read; registered practice Organization; usual GP + PractitionerRole
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), allergies(false)));
        Patient patient = all(bundle, Patient.class).get(0);
        assertThat(patient.getMeta().getProfile().get(0).getValue()).isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1");
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        Extension status = patient.getIdentifierFirstRep().getExtensionByUrl(
                "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1");
        assertThat(((org.hl7.fhir.dstu3.model.CodeableConcept) status.getValue()).getCodingFirstRep().getCode()).isEqualTo("01");
        assertThat(patient.getName()).hasSize(1);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("SKELLY");
        assertThat(patient.getNameFirstRep().getUse()).isEqualTo(org.hl7.fhir.dstu3.model.HumanName.NameUse.OFFICIAL);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1925-04-21");
        assertThat(patient.getTelecom()).hasSize(2);
        assertThat(patient.hasMaritalStatus() || patient.hasMultipleBirth() || patient.hasDeceased()).isFalse();
        assertThat(patient.getExtensionByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1")
                .getExtensionByUrl("registrationType").getValue()).isNotNull();
        assertThat(patient.getManagingOrganization().getReference()).isEqualTo("Organization/1");
        assertThat(patient.getGeneralPractitionerFirstRep().getReference()).isEqualTo("Practitioner/1");

        var org = all(bundle, org.hl7.fhir.dstu3.model.Organization.class);
        assertThat(org).hasSize(1);
        assertThat(org.get(0).getIdentifierFirstRep().getValue()).isEqualTo("B82617");
        assertThat(org.get(0).getName()).isEqualTo("COXWOLD SURGERY");
        var practitioners = all(bundle, org.hl7.fhir.dstu3.model.Practitioner.class);
        assertThat(practitioners).hasSize(1);
        assertThat(practitioners.get(0).getIdentifierFirstRep().getValue()).isEqualTo("G13579135");
        var roles = all(bundle, org.hl7.fhir.dstu3.model.PractitionerRole.class);
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0).getPractitioner().getReference()).isEqualTo("Practitioner/1");
        assertThat(roles.get(0).getOrganization().getReference()).isEqualTo("Organization/1");
    }
}
