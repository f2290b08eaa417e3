package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.junit.jupiter.api.Test;

/**
 * The switches: GP Connect and Access Record Structured per practice (403 ACCESS DENIED, foundations.md
 * §6) and the clinical areas per practice (access-record-structured.md §5: a warning "{param} has been
 * disabled", never an error and never a made-up empty list). Estate-wide switches: EstateSwitchesAndExclusionsTest.
 */
@QuarkusTest
class SwitchesTest {

    @Inject
    Pool pool;

    @Test
    void consultationsSwitchedOffAtThePracticeAreWarnedAboutAndHaveNoList() {
        // §5: every area is on estate-wide by default (consultations included); a practice can switch one off
        update(pool, "INSERT INTO practice_clinical_area (practice_ods, area, enabled, changed_by) VALUES ('B82617', 'consultations', false, 'test')");
        try {
            Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeConsultations"), allergies(true)));
            assertThat(warnings(bundle)).containsExactly("includeConsultations has been disabled|includeConsultations");
            assertThat(all(bundle, ListResource.class)).extracting(ListResource::getTitle)
                    .containsExactly("Allergies and adverse reactions", "Ended allergies");
        } finally {
            update(pool, "DELETE FROM practice_clinical_area WHERE practice_ods = 'B82617'");
        }
    }

    @Test
    void aDisabledAreaLinkedFromReturnedItemsIsWarnedAboutOnce() {
        // §5 "requested or linked": patient2's active allergy is linked to a problem; patient3's are not
        update(pool, "INSERT INTO practice_clinical_area (practice_ods, area, enabled, changed_by) VALUES ('B82617', 'problems', false, 'test')");
        try {
            Bundle bundle = record(parameters(nhsNumber(PATIENT2), allergies(false), param("includeMedication")));
            assertThat(warnings(bundle)).containsExactly("includeProblems has been disabled|includeProblems");
            assertThat(hasList(bundle, "Problems - linked problems not relating to the primary query")).isFalse();
            assertThat(warnings(record(parameters(nhsNumber(PATIENT3), allergies(true), param("includeMedication"),
                    param("includeImmunisations"), param("includeUncategorisedData"))))).isEmpty();
        } finally {
            update(pool, "DELETE FROM practice_clinical_area WHERE practice_ods = 'B82617'");
        }
    }

    @Test
    void anAreaSwitchedOffAtThePracticeIsWarnedAbout() {
        update(pool, "INSERT INTO practice_clinical_area (practice_ods, area, enabled, changed_by) VALUES ('B82617', 'medication', false, 'test')");
        try {
            Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeMedication"), allergies(false)));
            assertThat(warnings(bundle)).containsExactly("includeMedication has been disabled|includeMedication");
            assertThat(hasList(bundle, "Medications and medical devices")).isFalse();
            assertThat(hasList(bundle, "Allergies and adverse reactions")).isTrue();
        } finally {
            update(pool, "DELETE FROM practice_clinical_area WHERE practice_ods = 'B82617'");
        }
        assertThat(warnings(record(parameters(nhsNumber(PATIENT3), param("includeMedication"))))).isEmpty();
    }

    @Test
    void structuredSwitchedOffAtThePracticeIsAccessDenied() {
        update(pool, "UPDATE practice SET structured_enabled = false WHERE ods_code = 'B82617'");
        try {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), allergies(true))), 403, "ACCESS DENIED");
            // the switch comes before the body is looked at (foundations.md §2.4)
            assertOutcome(post("garbage"), 403, "ACCESS DENIED");
            assertOutcome(given().get(BASE + "/metadata").then(), 403, "ACCESS DENIED");
        } finally {
            update(pool, "UPDATE practice SET structured_enabled = true WHERE ods_code = 'B82617'");
        }
    }

    @Test
    void gpConnectSwitchedOffAtThePracticeIsAccessDenied() {
        update(pool, "UPDATE practice SET gp_connect_enabled = false WHERE ods_code = 'B82617'");
        try {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), allergies(true))), 403, "ACCESS DENIED");
        } finally {
            update(pool, "UPDATE practice SET gp_connect_enabled = true WHERE ods_code = 'B82617'");
        }
    }

    @Test
    void aPracticeThisDeploymentDoesNotServeIsNotFound() {
        assertOutcome(caller().body(parameters(nhsNumber(PATIENT2), allergies(true)))
                .when().post("/INVOC1/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord").then(), 404, "ORGANISATION_NOT_FOUND");
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().auth().oauth2(InternalTokens.forInteraction(Interaction.STRUCTURED_METADATA_READ));
    }
}
