package org.gpconnect.common.fhir.careconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.junit.jupiter.api.Test;

/** The shared CareConnect mappings (foundations.md §9.1, §9.3, §9.4). */
class CareConnectMappingTest {

    @Test
    void patientAsCareConnectGpcPatient() {
        Patient patient = CareConnectPatients.toPatient(new PatientDemographics("2", null, "9690937286", "MR", List.of("Horace"),
                "SKELLY", LocalDate.of(1925, 4, 21), "male", List.of("3 BOWESFIELD CRESCENT", "STOCKTON-ON-TEES"), "TS18 3BL",
                List.of(new PatientDemographics.Telecom("phone", "home", "01454587554")),
                new PatientDemographics.Registration(LocalDate.of(1962, 7, 13), null, "R", true, null), "1", "1"));
        assertThat(patient.getMeta().getProfile().get(0).getValue()).isEqualTo(CareConnectProfiles.PATIENT);
        assertThat(patient.getMeta().hasVersionId()).isFalse();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9690937286");
        assertThat(((CodeableConcept) patient.getIdentifierFirstRep()
                .getExtensionByUrl(CareConnectProfiles.EXT_NHS_NUMBER_VERIFICATION_STATUS).getValue()).getCodingFirstRep().getCode())
                .isEqualTo("01");
        assertThat(patient.getName()).hasSize(1);
        assertThat(patient.getNameFirstRep().getPrefixAsSingleString()).isEqualTo("MR");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1925-04-21");
        var registration = patient.getExtensionByUrl(CareConnectProfiles.EXT_REGISTRATION_DETAILS);
        assertThat(registration.getExtensionByUrl("registrationType")).isNotNull();
        assertThat(registration.getExtensionByUrl("preferredBranchSurgery")).isNull();
        assertThat(patient.getGeneralPractitionerFirstRep().getReference()).isEqualTo("Practitioner/1");
        assertThat(patient.getManagingOrganization().getReference()).isEqualTo("Organization/1");
        assertThat(patient.hasMaritalStatus() || patient.hasMultipleBirth() || patient.hasDeceased()).isFalse();
    }

    @Test
    void administrativeResources() {
        Organization org = CareConnectAdministration.organization(new CareConnectAdministration.OrganizationDetails("1", "3",
                "B82617", "COXWOLD SURGERY", "0300 303 5678", List.of(), null, null, "LS1 4HY", null));
        assertThat(org.getMeta().getVersionId()).isEqualTo("3");
        assertThat(org.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
        assertThat(org.hasContact() || org.hasEndpoint()).isFalse();

        Practitioner gp = CareConnectAdministration.practitioner(new CareConnectAdministration.PractitionerDetails("1", null,
                "G13579135", List.of(), "Miss", List.of("Nichole"), "Gilbert", "female",
                List.of(new CareConnectAdministration.Language("en", "English"))));
        assertThat(gp.getIdentifier()).hasSize(1);
        assertThat(gp.getExtensionsByUrl(CareConnectProfiles.EXT_NHS_COMMUNICATION)).hasSize(1);
        assertThat(gp.hasTelecom() || gp.hasAddress() || gp.hasBirthDate()).isFalse();

        PractitionerRole role = CareConnectAdministration.practitionerRole(
                new CareConnectAdministration.PractitionerRoleDetails("1", "1", "1", "R0050", "Consultant"));
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/1");
        assertThat(role.getOrganization().getReference()).isEqualTo("Organization/1");
        assertThat(role.getCodeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(CareConnectProfiles.CS_SDS_JOB_ROLE_NAME);
    }
}
