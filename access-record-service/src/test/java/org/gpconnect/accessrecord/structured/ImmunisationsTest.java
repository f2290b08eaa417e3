package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Observation;
import org.junit.jupiter.api.Test;

/** Immunisations (access-record-structured.md §2 includeImmunisations, §6, §8; clinical.yaml "immunisations"). */
@QuarkusTest
class ImmunisationsTest {

    static final String TITLE = "Immunisations";
    static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    @Inject
    Pool pool;

    @Test
    void patient2HepatitisAVaccination() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeImmunisations")));
        ListResource list = list(bundle, TITLE);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("1102181000000102");
        assertThat(list.getEntry()).hasSize(1);
        Immunization hepA = all(bundle, Immunization.class).get(0);
        assertThat(list.getEntryFirstRep().getItem().getReference()).isEqualTo("Immunization/" + hepA.getIdElement().getIdPart());
        assertThat(hepA.getMeta().getProfile().get(0).getValue()).isEqualTo(SD + "CareConnect-GPC-Immunization-1");
        assertThat(hepA.getStatus()).isEqualTo(Immunization.ImmunizationStatus.COMPLETED);
        assertThat(hepA.getNotGiven()).isFalse();
        // vaccine product not recorded: UNK null flavour (§8)
        assertThat(hepA.getVaccineCode().getCodingFirstRep().getCode()).isEqualTo("UNK");
        assertThat(hepA.getVaccineCode().getCodingFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/v3/NullFlavor");
        assertThat(hepA.getPatient().getReference()).isEqualTo("Patient/2");
        assertThat(hepA.getPrimarySource()).isTrue();
        assertThat(hepA.getPractitionerFirstRep().getActor().getReference()).isEqualTo("Practitioner/1");
        assertThat(hepA.getDateElement().getValueAsString()).isEqualTo("2019-06-28");
        assertThat(hepA.getVaccinationProtocolFirstRep().getDoseSequence()).isEqualTo(1);
        assertThat(hepA.getVaccinationProtocolFirstRep().getTargetDiseaseFirstRep().getCodingFirstRep().getCode()).isEqualTo("40468003");
        assertThat(hepA.getSite().getCodingFirstRep().getDisplay()).isEqualTo("Right upper arm");
        assertThat(hepA.getRoute().getCodingFirstRep().getDisplay()).isEqualTo("Subcutaneous route");
        assertThat(hepA.getExtensionByUrl(SD + "Extension-CareConnect-GPC-DateRecorded-1").getValue().primitiveValue()).isEqualTo("2019-06-28");
        assertThat(((CodeableConcept) hepA.getExtensionByUrl("https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-VaccinationProcedure-1")
                .getValue()).getCodingFirstRep().getCode()).isEqualTo("170378007");
        // linked to a problem: the related-problems list brings it (§6)
        assertThat(list(bundle, "Problems - linked problems not relating to the primary query").getEntry()).hasSize(1);
        assertThat(warnings(bundle)).isEmpty();
    }

    @Test
    void patient3ImmunisationIsNotLinkedToAProblem() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeImmunisations")));
        assertThat(list(bundle, TITLE).getEntry()).hasSize(1);
        assertThat(warnings(bundle)).isEmpty();
        assertThat(hasList(bundle, "Problems - linked problems not relating to the primary query")).isFalse();
    }

    @Test
    void notGivenOnlyOnRequestAndStatusObservationsUnlessSwitchedOff() {
        update(pool, "INSERT INTO immunisation (id, patient_id, procedure_code, procedure_display, recorded_date, not_given, "
                + "not_given_reason, practitioner_id, target_disease_code, target_disease_display) VALUES (md5('test-not-given')::uuid, "
                + "'20', '170378007', 'First hepatitis A vaccination', '2020-01-01', true, 'Patient declined', '1', '40468003', "
                + "'Viral hepatitis, type A')");
        update(pool, "INSERT INTO observation (id, patient_id, kind, code, code_display, effective_date, effective_precision, issued, "
                + "performer_id) VALUES (md5('test-status')::uuid, '20', 'immunisation-status', '310578008', "
                + "'Immunisation consent given', '2020-01-01', 'day', '2020-01-01T09:00:00Z', '1')");
        try {
            String nhs = "9690938134";
            // defaults: notGiven excluded, status included
            Bundle defaults = record(parameters(nhsNumber(nhs), param("includeImmunisations")));
            assertThat(all(defaults, Immunization.class)).isEmpty();
            assertThat(all(defaults, Observation.class)).hasSize(1);
            assertThat(list(defaults, TITLE).getEntry()).hasSize(1);

            Bundle notGiven = record(parameters(nhsNumber(nhs), param("includeImmunisations",
                    bool("includeNotGiven", true), bool("includeStatus", false))));
            assertThat(all(notGiven, Observation.class)).isEmpty();
            Immunization declined = all(notGiven, Immunization.class).get(0);
            assertThat(declined.getNotGiven()).isTrue();
            assertThat(declined.getExplanation().getReasonNotGivenFirstRep().getText()).isEqualTo("Patient declined");
            assertThat(declined.hasDate()).isFalse();
            assertThat(list(notGiven, TITLE).getEntry()).hasSize(1);
        } finally {
            update(pool, "DELETE FROM immunisation WHERE patient_id = '20'");
            update(pool, "DELETE FROM observation WHERE patient_id = '20'");
        }
    }

    @Test
    void emptyListAndTransitWarning() {
        ListResource empty = list(record(parameters(nhsNumber(PATIENT1), param("includeImmunisations"))), TITLE);
        assertThat(empty.getEntry()).isEmpty();
        assertThat(empty.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
        assertThat(warningCodes(list(record(parameters(nhsNumber(PATIENT13), param("includeImmunisations"))), TITLE)))
                .containsExactly("data-in-transit");
    }
}
