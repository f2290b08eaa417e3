package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Problems (access-record-structured.md §2 includeProblems, §6, §7.2, §8; clinical.yaml "problems": patient2's
 * problems linked to an allergy, a medication, an immunisation, uncategorised data and to each other).
 */
@QuarkusTest
class ProblemsTest {

    static final String TITLE = "Problems";
    static final String RELATED = "Problems - linked problems not relating to the primary query";
    static final String HL7 = "https://fhir.hl7.org.uk/STU3/StructureDefinition/";

    @Inject
    Pool pool;

    @Test
    void patient2ProblemsWithTheirLinkedItemsInSecondaryLists() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeProblems")));
        ListResource problems = list(bundle, TITLE);
        assertThat(problems.getCode().getCodingFirstRep().getCode()).isEqualTo("717711000000103");
        assertThat(problems.getEntry()).hasSize(6);
        List<Condition> conditions = all(bundle, Condition.class);
        assertThat(conditions).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("231504006", "449614009", "54150009", "445241004", "414285001", "35489007");
        assertThat(conditions).allSatisfy(ProblemsTest::assertMandatory);

        Condition anxiety = byCode(conditions, "231504006");
        assertThat(anxiety.getExtensionByUrl(HL7 + "Extension-CareConnect-ProblemSignificance-1").getValue().primitiveValue()).isEqualTo("major");
        Condition cough = byCode(conditions, "445241004");
        Condition urti = byCode(conditions, "54150009");
        Extension parent = cough.getExtensionByUrl(HL7 + "Extension-CareConnect-RelatedProblemHeader-1");
        assertThat(parent.getExtensionByUrl("type").getValue().primitiveValue()).isEqualTo("parent");
        assertThat(((Reference) parent.getExtensionByUrl("target").getValue()).getReference()).isEqualTo("Condition/" + urti.getIdElement().getIdPart());
        assertThat(related(urti)).anyMatch(r -> r.startsWith("Immunization/")).anyMatch(r -> r.startsWith("Observation/"));
        assertThat(related(byCode(conditions, "414285001"))).singleElement().satisfies(r -> assertThat(r).startsWith("AllergyIntolerance/"));
        assertThat(related(byCode(conditions, "35489007"))).anyMatch(r -> r.startsWith("MedicationRequest/"))
                .anyMatch(r -> r.startsWith("ProcedureRequest/"));

        // §7.2 secondary lists, one per kind of linked item, with their resources
        assertSecondary(bundle, "Problems - allergies related to problems", "problems-allergies-related-to-problems", "AllergyIntolerance/");
        // the Sertraline (depressive disorder) and the Paracetamol prescribed for the URTI at the first consultation
        assertSecondary(bundle, "Problems - medications related to problems", "problems-medications-related-to-problems", "MedicationStatement/", 2);
        assertSecondary(bundle, "Problems - immunisations related to problems", "problems-immunisations-related-to-problems", "Immunization/");
        assertSecondary(bundle, "Problems - uncategorised data related to problems", "problems-uncategorised-data-related-to-problems", "Observation/");
        assertSecondary(bundle, "Problems - investigations related to problems", "problems-investigations-related-to-problems", "DiagnosticReport/");
        assertSecondary(bundle, "Problems - outbound referrals related to problems", "problems-outbound-referrals-related-to-problems", "ReferralRequest/");
        assertSecondary(bundle, "Problems - diary entries related to problems", "problems-diary-entries-related-to-problems", "ProcedureRequest/");
        // the consultations whose topics are about the problems (their Encounters) and the physiotherapy letter
        assertSecondary(bundle, "Problems - consultations related to problems", "problems-consultations-related-to-problems", "Encounter/", 3);
        assertSecondary(bundle, "Problems - documents related to problems", "problems-documents-related-to-problems", "DocumentReference/");
        assertThat(related(byCode(conditions, "449614009"))).anyMatch(r -> r.startsWith("DiagnosticReport/"))
                .anyMatch(r -> r.startsWith("ReferralRequest/"));
        // every linked problem is in the primary list, so no related-problems list
        assertThat(hasList(bundle, RELATED)).isFalse();
        assertThat(warnings(bundle)).isEmpty();
    }

    @Test
    void filterStatus() {
        assertThat(list(record(parameters(nhsNumber(PATIENT2), param("includeProblems",
                part("filterStatus", "valueCode", "\"active\"")))), TITLE).getEntry()).hasSize(6);
        Bundle inactive = record(parameters(nhsNumber(PATIENT2), param("includeProblems", part("filterStatus", "valueCode", "\"inactive\""))));
        assertThat(list(inactive, TITLE).getEntry()).isEmpty();
        assertThat(all(inactive, ListResource.class)).hasSize(1);

        update(pool, "INSERT INTO problem_header (id, patient_id, clinical_status, significance, code, code_display, abatement_date, "
                + "asserted_date, asserter_id) VALUES (md5('test-inactive')::uuid, '20', 'inactive', 'minor', '54150009', "
                + "'Upper respiratory infection', '2020-03-01', '2020-02-01', '1')");
        try {
            Bundle onlyInactive = record(parameters(nhsNumber("9690938134"), param("includeProblems",
                    part("filterStatus", "valueCode", "\"inactive\""))));
            Condition resolved = all(onlyInactive, Condition.class).get(0);
            assertThat(resolved.getClinicalStatus()).isEqualTo(Condition.ConditionClinicalStatus.INACTIVE);
            assertThat(resolved.getAbatementDateTimeType().getValueAsString()).isEqualTo("2020-03-01");
            assertThat(list(record(parameters(nhsNumber("9690938134"), param("includeProblems",
                    part("filterStatus", "valueCode", "\"active\"")))), TITLE).getEntry()).isEmpty();
        } finally {
            update(pool, "DELETE FROM problem_header WHERE patient_id = '20'");
        }
    }

    @Test
    void relatedProblemsComeWithAnyQuery() {
        // §6: the problem linked to patient2's active allergy, in the one related-problems list
        Bundle allergiesOnly = record(parameters(nhsNumber(PATIENT2), allergies(false)));
        ListResource related = list(allergiesOnly, RELATED);
        assertThat(related.getCode().getCodingFirstRep().getCode()).isEqualTo("problems-linked-problems-not-relating-to-the-primary-query");
        assertThat(related.getCode().getCodingFirstRep().getSystem()).isEqualTo("https://fhir.hl7.org.uk/STU3/CodeSystem/GPConnect-SecondaryListValues-1");
        assertThat(related.getEntry()).hasSize(1);
        assertThat(all(allergiesOnly, Condition.class)).extracting(c -> c.getCode().getCodingFirstRep().getCode()).containsExactly("414285001");

        // several areas, one list: the URTI (temperature, immunisation) and depressive disorder (Sertraline)
        Bundle many = record(parameters(nhsNumber(PATIENT2), allergies(true), param("includeMedication"),
                param("includeImmunisations"), param("includeUncategorisedData")));
        assertThat(all(many, ListResource.class).stream().filter(l -> RELATED.equals(l.getTitle()))).hasSize(1);
        assertThat(all(many, Condition.class)).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("414285001", "35489007", "54150009");
        // the URTI's link to the cough (not in this response) is left out rather than dangling
        Condition urti = byCode(all(many, Condition.class), "54150009");
        assertThat(urti.getExtensionsByUrl(HL7 + "Extension-CareConnect-RelatedProblemHeader-1")).isEmpty();
    }

    @Test
    void linkedItemsOfASwitchedOffAreaSayTheyAreDisabled() {
        update(pool, "INSERT INTO practice_clinical_area (practice_ods, area, enabled, changed_by) VALUES ('B82617', 'medication', false, 'test')");
        try {
            Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeProblems")));
            ListResource medications = list(bundle, "Problems - medications related to problems");
            assertThat(medications.getEntry()).hasSize(2).allSatisfy(e -> {
                assertThat(e.getItem().hasReference()).isFalse();
                assertThat(e.getItem().getDisplay()).isEqualTo("Medication items have been disabled");
            });
            assertThat(warnings(bundle)).containsExactly("includeMedication has been disabled|includeMedication");
            Condition depression = byCode(all(bundle, Condition.class), "35489007");
            assertThat(depression.getExtensionsByUrl(HL7 + "Extension-CareConnect-RelatedClinicalContent-1"))
                    .extracting(e -> (Reference) e.getValue())
                    .anySatisfy(link -> {
                        assertThat(link.hasReference()).isFalse();
                        assertThat(link.getDisplay()).isEqualTo("Medication items have been disabled");
                    });
        } finally {
            update(pool, "DELETE FROM practice_clinical_area WHERE practice_ods = 'B82617'");
        }
    }

    @Test
    void patientsWithoutProblems() {
        for (String nhs : List.of(PATIENT1, PATIENT3, PATIENT4, PATIENT5, PATIENT12, PATIENT16)) {
            Bundle bundle = record(parameters(nhsNumber(nhs), param("includeProblems")));
            assertThat(list(bundle, TITLE).getEntry()).as(nhs).isEmpty();
            assertThat(list(bundle, TITLE).getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
            assertThat(all(bundle, ListResource.class)).as(nhs).hasSize(1);
        }
        assertThat(warningCodes(list(record(parameters(nhsNumber(PATIENT13), param("includeProblems"))), TITLE)))
                .containsExactly("data-in-transit");
    }

    @Test
    void aConfidentialProblemIsLeftOutWithTheWarning() {
        update(pool, "UPDATE problem_header SET confidential = true WHERE id = md5('B82617:problem:2:2')::uuid");
        try {
            ListResource problems = list(record(parameters(nhsNumber(PATIENT2), param("includeProblems"))), TITLE);
            assertThat(problems.getEntry()).hasSize(5);
            assertThat(warningCodes(problems)).containsExactly("confidential-items");
        } finally {
            update(pool, "UPDATE problem_header SET confidential = false WHERE id = md5('B82617:problem:2:2')::uuid");
        }
    }

    private static void assertSecondary(Bundle bundle, String title, String code, String entryPrefix) {
        assertSecondary(bundle, title, code, entryPrefix, 1);
    }

    private static void assertSecondary(Bundle bundle, String title, String code, String entryPrefix, int entries) {
        ListResource list = list(bundle, title);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo(code);
        assertThat(list.getCode().getCodingFirstRep().getDisplay()).isEqualTo(title);
        assertThat(list.getEntry()).hasSize(entries).allSatisfy(e -> assertThat(e.getItem().getReference()).startsWith(entryPrefix));
        for (ListResource.ListEntryComponent e : list.getEntry()) {
            assertThat(all(bundle, org.hl7.fhir.dstu3.model.Resource.class)).as("the resource of " + e.getItem().getReference())
                    .anyMatch(r -> (r.fhirType() + "/" + r.getIdElement().getIdPart()).equals(e.getItem().getReference()));
        }
    }

    private static List<String> related(Condition condition) {
        return condition.getExtensionsByUrl(HL7 + "Extension-CareConnect-RelatedClinicalContent-1").stream()
                .map(e -> ((Reference) e.getValue()).getReference()).toList();
    }

    private static Condition byCode(List<Condition> conditions, String code) {
        return conditions.stream().filter(c -> c.getCode().getCodingFirstRep().getCode().equals(code)).findFirst().orElseThrow();
    }

    private static void assertMandatory(Condition c) {
        assertThat(c.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-ProblemHeader-Condition-1");
        assertThat(c.getExtensionByUrl(HL7 + "Extension-CareConnect-ProblemSignificance-1")).isNotNull();
        assertThat(c.getIdentifier()).hasSize(1);
        assertThat(c.getClinicalStatus()).isEqualTo(Condition.ConditionClinicalStatus.ACTIVE);
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
        assertThat(c.getSubject().getReference()).isEqualTo("Patient/2");
        assertThat(c.getAssertedDateElement().getValueAsString()).isEqualTo("2019-03-28");
        assertThat(c.getAsserter().getReference()).isEqualTo("Practitioner/1");
        assertThat(c.hasSeverity() || c.hasVerificationStatus() || c.hasBodySite() || c.hasStage() || c.hasEvidence()).isFalse();
    }
}
