package org.gpconnect.accessrecord.structured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Medication;
import org.junit.jupiter.api.Test;

/**
 * Configuration, not code: an implemented area switched off estate-wide (access-record-structured.md §5)
 * and the sensitive-data exclusion set (security-and-audit.md P7) with its confidential-items warning.
 */
@QuarkusTest
@TestProfile(EstateSwitchesAndExclusionsTest.Profile.class)
class EstateSwitchesAndExclusionsTest {

    @Inject
    Pool pool;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gpconnect.access-record.disabled-areas",
                    "allergies,consultations,investigations,referrals,diary-entries",
                    // Metformin (patient2) is in the exclusion set
                    "gpconnect.access-record.sensitive-exclusion-codes", "411533003");
        }
    }

    @Test
    void allergiesSwitchedOffEstateWide() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), allergies(true), param("includeMedication")));
        assertThat(warnings(bundle)).containsExactly("includeAllergies has been disabled|includeAllergies");
        assertThat(all(bundle, ListResource.class)).extracting(ListResource::getTitle).containsExactly("Medications and medical devices",
                "Problems - linked problems not relating to the primary query");
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.STRUCTURED_METADATA_READ))
                .when().get(BASE + "/metadata").then().statusCode(200)
                .body("profile.reference", not(hasItem(
                        "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-AllergyIntolerance-1/_history/1.7")));
    }

    @Test
    void consultationsSwitchedOffEstateWideAreWarnedAboutAndHaveNoList() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeConsultations"), param("includeMedication")));
        assertThat(warnings(bundle)).containsExactly("includeConsultations has been disabled|includeConsultations");
        assertThat(all(bundle, ListResource.class)).extracting(ListResource::getTitle).containsExactly("Medications and medical devices");
    }

    @Test
    void aPracticeCannotSwitchOnAnAreaThatIsOffEstateWide() {
        update(pool, "INSERT INTO practice_clinical_area (practice_ods, area, enabled, changed_by) VALUES ('B82617', 'consultations', true, 'test')");
        try {
            assertThat(warnings(record(parameters(nhsNumber(PATIENT2), param("includeConsultations")))))
                    .containsExactly("includeConsultations has been disabled|includeConsultations");
        } finally {
            update(pool, "DELETE FROM practice_clinical_area WHERE practice_ods = 'B82617'");
        }
    }

    @Test
    void itemsCodedInTheExclusionSetAreLeftOutWithTheWarning() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeMedication")));
        ListResource list = list(bundle, "Medications and medical devices");
        assertThat(list.getEntry()).hasSize(6); // seven visible, Metformin excluded
        assertThat(warningCodes(list)).containsExactly("confidential-items");
        assertThat(all(bundle, Medication.class)).extracting(m -> m.getCode().getCodingFirstRep().getCode()).doesNotContain("411533003");
    }
}
