package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.junit.jupiter.api.Test;

/**
 * Medications (access-record-structured.md §2 includeMedication, §6, §8; contents per clinical.yaml
 * "medications", dates shifted by whole months from 2018-10 to the load date).
 */
@QuarkusTest
class MedicationsTest {

    static final String TITLE = "Medications and medical devices";
    static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    @Inject
    Pool pool;

    /** The dataset's "shift": whole months between 2018-10-01 and the load date (today). */
    static LocalDate shifted(String date) {
        LocalDate today = LocalDate.now();
        long months = ChronoUnit.MONTHS.between(LocalDate.of(2018, 10, 1), today.withDayOfMonth(1));
        return LocalDate.parse(date).plusMonths(months);
    }

    static String medication(String... parts) {
        return param("includeMedication", parts);
    }

    @Test
    void patient2HasItsSevenMedicationsWithPlansIssuesAndTheConfidentialWarning() {
        // clinical.yaml's five, and the Citalopram and Paracetamol its consultations prescribe (2019, not shifted)
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), medication()));
        ListResource list = list(bundle, TITLE);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("933361000000108");
        assertThat(list.getEntry()).hasSize(7);
        // the sixth (confidential) medication is never sent; its list says so (§7.3)
        assertThat(warningCodes(list)).containsExactly("confidential-items");
        assertThat(note(list)).isEqualTo(CONFIDENTIAL_NOTE);

        List<MedicationStatement> statements = all(bundle, MedicationStatement.class);
        assertThat(statements).hasSize(7);
        assertThat(list.getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactlyInAnyOrderElementsOf(statements.stream().map(s -> "MedicationStatement/" + s.getIdElement().getIdPart()).toList());
        Map<String, Medication> medications = all(bundle, Medication.class).stream()
                .collect(Collectors.toMap(m -> "Medication/" + m.getIdElement().getIdPart(), Function.identity()));
        assertThat(medications.values()).extracting(m -> m.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("9751511000001104", "411533003", "320030001", "325242002", "11933011000001106",
                        "321987003", "322236009");

        List<MedicationRequest> plans = requests(bundle, MedicationRequestIntent.PLAN);
        List<MedicationRequest> orders = requests(bundle, MedicationRequestIntent.ORDER);
        assertThat(plans).hasSize(7);
        assertThat(orders).hasSize(11 + 12 + 11 + 11 + 9 + 3 + 1);

        MedicationStatement sertraline = statements.stream()
                .filter(s -> medications.get(s.getMedicationReference().getReference()).getCode().getCodingFirstRep().getCode().equals("9751511000001104"))
                .findFirst().orElseThrow();
        assertThat(sertraline.getMeta().getProfile().get(0).getValue()).isEqualTo(SD + "CareConnect-GPC-MedicationStatement-1");
        assertThat(sertraline.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.ACTIVE);
        assertThat(sertraline.getTaken()).isEqualTo(MedicationStatement.MedicationStatementTaken.UNK);
        assertThat(sertraline.getDosageFirstRep().getText()).isEqualTo("1 tablet once a day");
        assertThat(sertraline.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo(shifted("2017-11-10").toString());
        assertThat(sertraline.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo(shifted("2018-09-14").toString());
        assertThat(sertraline.hasDateAsserted()).isTrue();
        assertThat(sertraline.getSubject().getReference()).isEqualTo("Patient/2");
        assertThat(sertraline.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("35489007");
        assertThat(((org.hl7.fhir.dstu3.model.CodeableConcept) sertraline.getExtensionByUrl(SD + "Extension-CareConnect-GPC-PrescribingAgency-1").getValue()).getCodingFirstRep().getCode()).isEqualTo("prescribed-at-gp-practice");
        assertThat(sertraline.getExtensionByUrl(SD + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1")
                .getValue().primitiveValue()).isEqualTo(shifted("2018-08-17").toString());

        String planRef = sertraline.getBasedOnFirstRep().getReference();
        MedicationRequest plan = plans.stream().filter(p -> ("MedicationRequest/" + p.getIdElement().getIdPart()).equals(planRef)).findFirst().orElseThrow();
        assertThat(plan.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertThat(plan.getRecorder().getReference()).isEqualTo("Practitioner/1");
        assertThat(plan.getDosageInstructionFirstRep().getText()).isEqualTo("1 tablet once a day");
        assertThat(plan.getDispenseRequest().getValidityPeriod().hasStart()).isTrue();
        assertThat(plan.hasAuthoredOn()).isTrue();
        assertThat(((org.hl7.fhir.dstu3.model.CodeableConcept) plan.getExtensionByUrl(SD + "Extension-CareConnect-GPC-PrescriptionType-1").getValue()).getCodingFirstRep().getCode()).isEqualTo("repeat");
        var repeats = plan.getExtensionByUrl(SD + "Extension-CareConnect-GPC-MedicationRepeatInformation-1");
        assertThat(repeats.getExtensionByUrl("numberOfRepeatPrescriptionsAllowed").getValue().primitiveValue()).isEqualTo("12");
        assertThat(repeats.getExtensionByUrl("numberOfRepeatPrescriptionsIssued").getValue().primitiveValue()).isEqualTo("11");
        List<MedicationRequest> sertralineIssues = orders.stream().filter(o -> o.getBasedOnFirstRep().getReference().equals(planRef)).toList();
        assertThat(sertralineIssues).hasSize(11);
        assertThat(sertralineIssues).extracting(o -> o.getAuthoredOnElement().getValueAsString())
                .contains(shifted("2017-11-10").toString(), shifted("2018-08-17").toString());
        assertThat(sertralineIssues).allSatisfy(o -> {
            assertThat(o.getMedicationReference().getReference()).isEqualTo(sertraline.getMedicationReference().getReference());
            assertThat(o.getDispenseRequest().getValidityPeriod().hasStart()).isTrue();
            assertThat(o.getDosageInstructionFirstRep().hasText()).isTrue();
        });

        // repeat dispensing: no last issue date extension (§8)
        MedicationStatement metformin = statements.stream()
                .filter(s -> medications.get(s.getMedicationReference().getReference()).getCode().getCodingFirstRep().getCode().equals("411533003"))
                .findFirst().orElseThrow();
        assertThat(metformin.getExtensionByUrl(SD + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1")).isNull();
    }

    @Test
    void noIssuesWhenIncludePrescriptionIssuesIsFalse() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), medication(bool("includePrescriptionIssues", false))));
        assertThat(requests(bundle, MedicationRequestIntent.ORDER)).isEmpty();
        assertThat(requests(bundle, MedicationRequestIntent.PLAN)).hasSize(7);
        assertThat(list(bundle, TITLE).getEntry()).hasSize(7);
    }

    @Test
    void patient2HasMedicationInTheLastThreeYears() {
        String threeYearsAgo = LocalDate.now().minusYears(3).toString();
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), medication(date("medicationSearchFromDate", threeYearsAgo))));
        assertThat(list(bundle, TITLE).getEntry()).hasSize(5);
    }

    @Test
    void searchFromDateKeepsOnlyMedicationActiveOnOrAfterIt() {
        // everything of patient2 ended by (shifted) 2018-09-26 except Lantus, which runs to 2018-12-14
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), medication(date("medicationSearchFromDate", shifted("2018-09-27").toString()))));
        assertThat(list(bundle, TITLE).getEntry()).hasSize(1);
        assertThat(all(bundle, Medication.class)).extracting(m -> m.getCode().getCodingFirstRep().getCode()).containsExactly("11933011000001106");
        // end date inclusive
        Bundle onEnd = record(parameters(nhsNumber(PATIENT2), medication(date("medicationSearchFromDate", shifted("2018-09-26").toString()))));
        assertThat(list(onEnd, TITLE).getEntry()).hasSize(4);
    }

    @Test
    void anAcuteWithoutEndIsActiveOnItsStartDayOnly() {
        String start = shifted("2018-01-04").toString();
        Bundle onStart = record(parameters(nhsNumber(PATIENT3), medication(date("medicationSearchFromDate", start))));
        assertThat(list(onStart, TITLE).getEntry()).hasSize(1);
        MedicationStatement tramadol = all(onStart, MedicationStatement.class).get(0);
        assertThat(tramadol.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.COMPLETED);
        Bundle after = record(parameters(nhsNumber(PATIENT3), medication(date("medicationSearchFromDate", shifted("2018-01-05").toString()))));
        assertThat(list(after, TITLE).getEntry()).isEmpty();
        assertThat(note(list(after, TITLE))).isEqualTo("Information not available");
    }

    @Test
    void medicationPrescribedElsewhereIsAlwaysReturned() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT12), medication(date("medicationSearchFromDate", LocalDate.now().toString()))));
        MedicationStatement actomol = all(bundle, MedicationStatement.class).get(0);
        assertThat(((org.hl7.fhir.dstu3.model.CodeableConcept) actomol.getExtensionByUrl(SD + "Extension-CareConnect-GPC-PrescribingAgency-1").getValue()).getCodingFirstRep().getCode()).isEqualTo("prescribed-by-another-organisation");
        assertThat(actomol.getExtensionByUrl(SD + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1")).isNull();
        assertThat(actomol.getBasedOnFirstRep().getReference()).startsWith("MedicationRequest/");
        Medication degraded = all(bundle, Medication.class).get(0);
        assertThat(degraded.getCode().getCodingFirstRep().getCode()).isEqualTo("196421000000109");
        assertThat(degraded.getCode().getText()).isEqualTo("Actomol");
    }

    @Test
    void patient5RepeatIsCurrent() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT5), medication(date("medicationSearchFromDate", LocalDate.now().toString()))));
        assertThat(list(bundle, TITLE).getEntry()).hasSize(1);
        assertThat(requests(bundle, MedicationRequestIntent.ORDER)).hasSize(3);
    }

    @Test
    void emptyListsForPatientsWithoutMedication() {
        Bundle p1 = record(parameters(nhsNumber(PATIENT1), medication()));
        ListResource list = list(p1, TITLE);
        assertThat(list.getEntry()).isEmpty();
        assertThat(list.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
        assertThat(warningCodes(list)).isEmpty();
        Bundle p13 = record(parameters(nhsNumber(PATIENT13), medication()));
        assertThat(warningCodes(list(p13, TITLE))).containsExactly("data-in-transit");
        assertThat(note(list(p13, TITLE))).contains("13-Jul-1962").endsWith("Information not available");
    }

    @Test
    void partialAndUndatedStartsFollowTheIntervalRules() {
        // §6: a year-only start is the whole year; an undated item is always returned (patient 20 holds no other medication)
        insertAuthorisation("test-partial", "'2020-01-01'", "'year'", "acute");
        insertAuthorisation("test-undated", "NULL", "NULL", "acute");
        try {
            Bundle lastDayOfYear = record(parameters(nhsNumber("9690938134"), medication(date("medicationSearchFromDate", "2020-12-31"))));
            assertThat(list(lastDayOfYear, TITLE).getEntry()).hasSize(2);
            MedicationStatement partial = all(lastDayOfYear, MedicationStatement.class).stream()
                    .filter(s -> s.getEffectivePeriod().getStartElement().getValueAsString().equals("2020")).findFirst().orElseThrow();
            assertThat(partial.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2020");
            Bundle nextYear = record(parameters(nhsNumber("9690938134"), medication(date("medicationSearchFromDate", "2021-01-01"))));
            assertThat(list(nextYear, TITLE).getEntry()).hasSize(1);
        } finally {
            update(pool, "DELETE FROM medication_authorisation WHERE patient_id = '20'");
        }
    }

    private void insertAuthorisation(String key, String start, String precision, String type) {
        update(pool, "INSERT INTO medication_authorisation (id, statement_id, patient_id, medication_id, status, statement_status, "
                + "prescription_type, prescribing_agency, effective_start, effective_start_precision, authored_on, date_asserted, "
                + "recorder_id, dosage_text) VALUES (md5($1)::uuid, md5($2)::uuid, '20', md5('B82617:medication:322623000')::uuid, "
                + "'completed', 'completed', '" + type + "', 'prescribed-at-gp-practice', " + start + ", " + precision
                + ", '2020-06-01', '2020-06-01', '1', 'As directed')", key + "-plan", key + "-statement");
    }

    private static List<MedicationRequest> requests(Bundle bundle, MedicationRequestIntent intent) {
        return all(bundle, MedicationRequest.class).stream().filter(r -> r.getIntent() == intent).toList();
    }
}
