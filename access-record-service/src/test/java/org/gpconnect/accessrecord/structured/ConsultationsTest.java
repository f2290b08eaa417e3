package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Consultations (access-record-structured.md §2 includeConsultations, §3, §5, §6, §7.2, §7.5, §8 Encounter and
 * DocumentReference; clinical.yaml "consultations": patient2's three Surgery Consultations, every item of them a
 * record of its own area). Every response passes {@link BundleIntegrity} ({@link StructuredApi#record}).
 */
@QuarkusTest
class ConsultationsTest {

    static final String LIST = "List of consultations";
    static final String CONSULTATION = "325851000000107";
    static final String TOPIC = "25851000000105";
    static final String CATEGORY = "24781000000107";
    static final String HL7 = "https://fhir.hl7.org.uk/STU3/StructureDefinition/";
    static final String RELATED_PROBLEM = HL7 + "Extension-CareConnect-RelatedProblemHeader-1";
    static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    @Inject
    Pool pool;

    // ------------------------------------------------------------------ content (§6, §7.5, §8)

    @Test
    void patient2HasThreeConsultationsWithTheirTopicsCategoriesAndItems() {
        Bundle bundle = record(consultations());
        ListResource list = list(bundle, LIST);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("1149501000000101");
        assertThat(list.hasIdElement()).isFalse();
        List<Encounter> encounters = all(bundle, Encounter.class);
        assertThat(encounters).hasSize(3);
        // §7.1: the primary list's entries are the Encounters (most recent first)
        assertThat(list.getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactly(ref(encounter(3)), ref(encounter(2)), ref(encounter(1)));
        assertThat(warnings(bundle)).isEmpty();

        // §8 Encounter: mandatory elements
        Encounter first = resource(bundle, encounter(1), Encounter.class);
        assertThat(first.getMeta().getProfile().get(0).getValue()).isEqualTo(SD + "CareConnect-GPC-Encounter-1");
        assertThat(first.getIdentifierFirstRep().getValue()).isEqualTo(first.getIdElement().getIdPart());
        assertThat(first.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(first.getTypeFirstRep().getText()).isEqualTo("Surgery Consultation");
        assertThat(first.getSubject().getReference()).isEqualTo("Patient/2");
        Encounter.EncounterParticipantComponent recorder = first.getParticipant().stream()
                .filter(p -> p.getTypeFirstRep().getCodingFirstRep().getCode().equals("REC")).findFirst().orElseThrow();
        assertThat(recorder.getTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-ParticipantType-1");
        assertThat(recorder.getIndividual().getReference()).isEqualTo("Practitioner/1");
        assertThat(first.getParticipant()).anySatisfy(p -> assertThat(p.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("PPRF"));
        assertThat(first.getPeriod().getStartElement().getValueAsString()).isEqualTo("2019-03-28T10:30:00+00:00");
        assertThat(first.getPeriod().getEndElement().getValueAsString()).isEqualTo("2019-03-28T10:38:00+00:00");
        assertThat(first.getLength().getValue()).isEqualByComparingTo("8");
        assertThat(first.getServiceProvider().getReference()).isEqualTo("Organization/1");
        assertThat(first.hasClass_() || first.hasReason() || first.hasDiagnosis() || first.hasHospitalization()).isFalse();
        // the second consultation has no recorded end
        assertThat(resource(bundle, encounter(2), Encounter.class).getPeriod().hasEnd()).isFalse();

        // §7.5: one consultation List per consultation, with an id, its encounter, its topics in display order
        List<ListResource> consultationLists = structure(bundle, CONSULTATION);
        assertThat(consultationLists).hasSize(3).allSatisfy(c -> {
            assertThat(c.getTitle()).isEqualTo("Surgery Consultation");
            assertThat(c.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
            assertThat(c.getOrderedBy().getCodingFirstRep().getCode()).isEqualTo("system");
            assertThat(c.getSubject().getReference()).isEqualTo("Patient/2");
            assertThat(c.hasDate()).isTrue();
        });
        ListResource c1 = consultationOf(bundle, 1);
        // the untitled topic held only the confidential Amlodipine: it is not sent (§7.5, empty sections suppressed)
        assertThat(topics(bundle, c1)).extracting(ListResource::getTitle)
                .containsExactly("Anxiety with Depression", "Swollen legs", "Upper respiratory tract infection", "Knee Pain");
        assertThat(topics(bundle, consultationOf(bundle, 2))).extracting(ListResource::getTitle)
                .containsExactly("Anxiety with Depression", "Upper respiratory tract infection");
        assertThat(topics(bundle, consultationOf(bundle, 3))).extracting(ListResource::getTitle)
                .containsExactly("Anxiety with Depression", "Swollen legs");

        // topics linked to problems (relatedProblemHeader), the knee pain topic to none
        Map<String, String> topicProblems = topics(bundle, c1).stream().collect(Collectors.toMap(ListResource::getTitle,
                t -> t.getExtensionsByUrl(RELATED_PROBLEM).stream()
                        .map(e -> codeOf(bundle, ((Reference) e.getExtensionByUrl("target").getValue()).getReference())).findFirst().orElse("none")));
        assertThat(topicProblems).containsExactlyInAnyOrderEntriesOf(Map.of("Anxiety with Depression", "231504006",
                "Swollen legs", "449614009", "Upper respiratory tract infection", "54150009", "Knee Pain", "none"));

        // categories (headings) and their items, each a record of its own area
        ListResource anxiety = topic(bundle, c1, "Anxiety with Depression");
        ListResource plan = category(bundle, anxiety, "Plan");
        assertThat(plan.getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactly(ref("MedicationRequest", "B82617:medication-plan:2:7"), ref("MedicationRequest", "B82617:medication-issue:2:7:1"),
                        ref("ReferralRequest", "B82617:referral:2:2"));
        assertThat(resource(bundle, "MedicationRequest/" + seedId("B82617:medication-issue:2:7:1"), MedicationRequest.class).getIntent())
                .isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        ListResource examination = category(bundle, topic(bundle, c1, "Swollen legs"), "Examination");
        assertThat(examination.getEntry()).extracting(e -> codeOf(bundle, e.getItem().getReference()))
                .containsExactly("703421000", "1097811000000106", "86290005", "75367002");
        assertThat(category(bundle, topic(bundle, c1, "Upper respiratory tract infection"), "Plan").getEntry())
                .extracting(e -> e.getItem().getReference())
                .containsExactly(ref("MedicationRequest", "B82617:medication-plan:2:8"), ref("MedicationRequest", "B82617:medication-issue:2:8:1"));
        assertThat(category(bundle, topic(bundle, c1, "Knee Pain"), "Plan").getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactly(ref("ReferralRequest", "B82617:referral:2:1"), ref("DocumentReference", "B82617:document:2:1"));
        // flat topics: items directly, no categories
        ListResource urti2 = topic(bundle, consultationOf(bundle, 2), "Upper respiratory tract infection");
        assertThat(urti2.getEntry()).extracting(e -> codeOf(bundle, e.getItem().getReference())).containsExactly("445241004");
        assertThat(topic(bundle, consultationOf(bundle, 3), "Swollen legs").getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactly(ref("DiagnosticReport", "B82617:investigation:2:1"));
        assertThat(topic(bundle, consultationOf(bundle, 3), "Anxiety with Depression").getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactly(ref("MedicationRequest", "B82617:medication-issue:2:7:3"));
        // every structure list points at its consultation's Encounter; no warnings or notes on them (§7.3)
        for (int c = 1; c <= 3; c++) {
            String encounter = ref(encounter(c));
            ListResource consultation = consultationOf(bundle, c);
            assertThat(consultation.getEncounter().getReference()).isEqualTo(encounter);
            for (ListResource t : topics(bundle, consultation)) {
                assertThat(t.getEncounter().getReference()).isEqualTo(encounter);
                assertThat(t.getExtensionsByUrl(WARNING_CODE_EXT)).isEmpty();
            }
        }

        // §6: meds come as statement + plan + Medication, orders only those recorded in a consultation (4 of them)
        assertThat(all(bundle, MedicationStatement.class)).hasSize(2);
        assertThat(all(bundle, MedicationRequest.class).stream().filter(r -> r.getIntent() == MedicationRequest.MedicationRequestIntent.ORDER))
                .hasSize(4);

        // §7.2: the secondary lists, one per kind of item contained
        assertSecondary(bundle, "Consultations - medications contained in consultations", 2, "MedicationStatement/");
        assertSecondary(bundle, "Consultations - uncategorised data contained in consultations", 4, "Observation/");
        assertSecondary(bundle, "Consultations - problems contained in consultations", 4, "Condition/");
        assertSecondary(bundle, "Consultations - outbound referrals in consultations", 2, "ReferralRequest/");
        assertSecondary(bundle, "Consultations - investigations contained in consultations", 1, "DiagnosticReport/");
        assertSecondary(bundle, "Consultations - documents contained in consultations", 1, "DocumentReference/");
        assertThat(hasList(bundle, "Consultations - allergies contained in consultations")).isFalse();
        assertThat(hasList(bundle, "Consultations - immunisations contained in consultations")).isFalse();
        assertThat(hasList(bundle, "Consultations - diary entries contained in consultations")).isFalse();
        // §7.3: the confidential Amlodipine was in a consultation: its secondary list warns (the structure does not)
        ListResource medications = list(bundle, "Consultations - medications contained in consultations");
        assertThat(warningCodes(medications)).containsExactly("confidential-items");
        assertThat(note(medications)).isEqualTo(CONFIDENTIAL_NOTE);
        assertThat(all(bundle, Resource.class)).noneMatch(r -> seedId("B82617:medication-plan:2:6").equals(r.getIdElement().getIdPart()));
        // every problem the items are linked to is already in the consultations: no related-problems list
        assertThat(hasList(bundle, "Problems - linked problems not relating to the primary query")).isFalse();
        // the letter is in the Bundle as metadata, filed in the first consultation
        DocumentReference letter = resource(bundle, ref("DocumentReference", "B82617:document:2:1"), DocumentReference.class);
        assertThat(letter.getContext().getEncounter().getReference()).isEqualTo(ref(encounter(1)));
    }

    @Test
    void includeNumberOfMostRecentTakesTheNLatestByStart() {
        // §2/§6: N most recent by Encounter.period.start descending
        assertThat(encounterStarts(record(consultations(part("includeNumberOfMostRecent", "valuePositiveInt", "1")))))
                .containsExactly("2019-06-01");
        assertThat(encounterStarts(record(consultations(part("includeNumberOfMostRecent", "valuePositiveInt", "2")))))
                .containsExactly("2019-06-01", "2019-05-01");
        assertThat(encounterStarts(record(consultations(part("includeNumberOfMostRecent", "valuePositiveInt", "5")))))
                .containsExactly("2019-06-01", "2019-05-01", "2019-03-28");
        // §6: only the orders recorded in the returned consultations (the third issue of Citalopram)
        Bundle latest = record(consultations(part("includeNumberOfMostRecent", "valuePositiveInt", "1")));
        assertThat(all(latest, MedicationRequest.class)).extracting(r -> r.getIdElement().getIdPart())
                .containsExactlyInAnyOrder(seedId("B82617:medication-plan:2:7"), seedId("B82617:medication-issue:2:7:3"));
        assertThat(all(latest, ListResource.class).stream().filter(l -> CONSULTATION.equals(code(l)))).hasSize(1);
    }

    @Test
    void consultationSearchPeriodKeepsConsultationsStartingAfterTheStartAndEndingBeforeTheEnd() {
        assertThat(encounterStarts(record(consultations(period("consultationSearchPeriod", "2019-05-01", null)))))
                .containsExactly("2019-06-01", "2019-05-01");
        assertThat(encounterStarts(record(consultations(period("consultationSearchPeriod", null, "2019-05-01")))))
                .containsExactly("2019-05-01", "2019-03-28");
        assertThat(encounterStarts(record(consultations(period("consultationSearchPeriod", "2019-03-28", "2019-03-28")))))
                .containsExactly("2019-03-28");
        assertThat(encounterStarts(record(consultations(period("consultationSearchPeriod", "2019-01-01", LocalDate.now().toString())))))
                .hasSize(3);
        Bundle none = record(consultations(period("consultationSearchPeriod", "2019-05-02", "2019-05-31")));
        ListResource empty = list(none, LIST);
        assertThat(empty.getEntry()).isEmpty();
        assertThat(empty.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
        assertThat(all(none, Encounter.class)).isEmpty();
        assertThat(all(none, ListResource.class)).hasSize(1);
    }

    @Test
    void consultationSearchPeriodRulesAndTheForbiddenPairing() {
        String today = LocalDate.now().toString();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        // §3: partial dates, times, future ends, start after end: 422 INVALID_PARAMETER naming the part
        for (String[] p : new String[][] {{"2019-05", null}, {null, "2019"}, {"2019-05-01T10:00:00+00:00", null},
                {tomorrow, null}, {null, tomorrow}, {"2019-06-01", "2019-05-01"}}) {
            assertOutcome(post(consultations(period("consultationSearchPeriod", p[0], p[1]))), 422, "INVALID_PARAMETER")
                    .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("includeConsultations.consultationSearchPeriod"));
        }
        // §3: a period and a most-recent count together contradict the OperationDefinition: 422 INVALID_RESOURCE
        assertOutcome(post(consultations(period("consultationSearchPeriod", "2019-01-01", today),
                part("includeNumberOfMostRecent", "valuePositiveInt", "2"))), 422, "INVALID_RESOURCE");
        // a full period ending today is fine
        record(consultations(period("consultationSearchPeriod", "2019-01-01", today)));
    }

    @Test
    void forbiddenCombinationsWithConsultationsAndWhatStaysAllowed() {
        // §2.1: with consultations, these parts of other areas are 422 INVALID_PARAMETER
        String today = LocalDate.now().toString();
        for (String other : new String[] {
                param("includeMedication", date("medicationSearchFromDate", "2019-01-01")),
                param("includeUncategorisedData", period("uncategorisedDataSearchPeriod", "2019-01-01", today)),
                param("includeProblems", part("filterStatus", "valueCode", "\"active\"")),
                param("includeReferrals", period("referralSearchPeriod", "2019-01-01", today)),
                param("includeDiaryEntries", date("diaryEntriesSearchDate", today)),
                param("includeImmunisations", bool("includeNotGiven", true)),
                param("includeImmunisations", bool("includeStatus", true))}) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeConsultations",
                    part("includeNumberOfMostRecent", "valuePositiveInt", "3")), other)), 422, "INVALID_PARAMETER");
        }
        // parts not in the list stay allowed next to consultations
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeConsultations"),
                param("includeInvestigations", period("investigationSearchPeriod", "2019-01-01", today)),
                param("includeMedication", bool("includePrescriptionIssues", false)), allergies(false)));
        assertThat(list(bundle, LIST).getEntry()).hasSize(3);
    }

    @Test
    void predefinedSearchesReturnConsultations() {
        String yearAgo = LocalDate.now().minusDays(365).toString();
        String search1 = parameters(nhsNumber(PATIENT2),
                param("includeConsultations", part("includeNumberOfMostRecent", "valuePositiveInt", "3")),
                param("includeProblems"), allergies(true), param("includeMedication", date("medicationSearchFromDate", yearAgo)));
        Bundle one = record(search1);
        assertThat(list(one, LIST).getEntry()).hasSize(3);
        assertThat(structure(one, CONSULTATION)).hasSize(3);
        assertThat(list(one, "Problems").getEntry()).hasSize(6);
        assertThat(hasList(one, "Ended allergies")).isTrue();
        // the medication search date filters the medication list, never a consultation's content
        assertThat(list(one, "Medications and medical devices").getEntry()).extracting(e -> e.getItem().getReference())
                .doesNotContain(ref("MedicationStatement", "B82617:medication-statement:2:7"));
        assertThat(list(one, "Consultations - medications contained in consultations").getEntry()).extracting(e -> e.getItem().getReference())
                .contains(ref("MedicationStatement", "B82617:medication-statement:2:7"));
        assertThat(warnings(one)).isEmpty();

        Bundle two = record(parameters(nhsNumber(PATIENT2),
                param("includeConsultations", part("includeNumberOfMostRecent", "valuePositiveInt", "3")),
                param("includeProblems"), allergies(true), param("includeMedication", date("medicationSearchFromDate", yearAgo)),
                param("includeImmunisations"), param("includeUncategorisedData")));
        assertThat(list(two, LIST).getEntry()).hasSize(3);
        assertThat(list(two, "Uncategorised data").getEntry()).hasSize(4);
        assertThat(list(two, "Immunisations").getEntry()).hasSize(1);
    }

    // ------------------------------------------------------------------ warnings (§7.2, §7.3)

    @Test
    void aConfidentialConsultationIsLeftOutWithTheWarningAndTheNMostRecentAreThoseThatMayBeShared() {
        update(pool, "UPDATE encounter SET confidential = true WHERE id = md5('B82617:encounter:2:2')::uuid");
        try {
            ListResource all = list(record(consultations()), LIST);
            assertThat(all.getEntry()).hasSize(2);
            assertThat(warningCodes(all)).containsExactly("confidential-items");
            Bundle two = record(consultations(part("includeNumberOfMostRecent", "valuePositiveInt", "2")));
            assertThat(encounterStarts(two)).containsExactly("2019-06-01", "2019-03-28");
            assertThat(warningCodes(list(two, LIST))).containsExactly("confidential-items");
        } finally {
            update(pool, "UPDATE encounter SET confidential = false WHERE id = md5('B82617:encounter:2:2')::uuid");
        }
    }

    @Test
    void anItemAwaitingFilingIsLeftOutAndItsSecondaryListSaysSo() {
        update(pool, "UPDATE observation SET awaiting_filing_since = '2019-03-29' WHERE id = md5('B82617:observation:2:4')::uuid");
        try {
            Bundle bundle = record(consultations());
            ListResource uncategorised = list(bundle, "Consultations - uncategorised data contained in consultations");
            assertThat(uncategorised.getEntry()).hasSize(3);
            assertThat(warningCodes(uncategorised)).containsExactly("data-awaiting-filing");
            assertThat(category(bundle, topic(bundle, consultationOf(bundle, 1), "Swollen legs"), "Examination").getEntry()).hasSize(3);
        } finally {
            update(pool, "UPDATE observation SET awaiting_filing_since = NULL WHERE id = md5('B82617:observation:2:4')::uuid");
        }
    }

    @Test
    void aSecondaryListWhoseEveryItemWasWithheldIsSentEmptyWithItsWarning() {
        // §7.2: "consultation secondary lists carry a warning code even with no entries if items were excluded"
        update(pool, "UPDATE diagnostic_report SET confidential = true WHERE id = md5('B82617:investigation:2:1')::uuid");
        try {
            Bundle bundle = record(consultations());
            ListResource investigations = list(bundle, "Consultations - investigations contained in consultations");
            assertThat(investigations.getEntry()).isEmpty();
            assertThat(warningCodes(investigations)).containsExactly("confidential-items");
            // the topic that held only the report is not sent
            assertThat(topics(bundle, consultationOf(bundle, 3))).extracting(ListResource::getTitle).containsExactly("Anxiety with Depression");
        } finally {
            update(pool, "UPDATE diagnostic_report SET confidential = false WHERE id = md5('B82617:investigation:2:1')::uuid");
        }
    }

    @Test
    void patientsWithoutConsultationsGetTheEmptyListWithTheirWarnings() {
        for (String nhs : List.of(PATIENT1, PATIENT3, PATIENT4, PATIENT5)) {
            Bundle bundle = record(parameters(nhsNumber(nhs), param("includeConsultations")));
            ListResource list = list(bundle, LIST);
            assertThat(list.getEntry()).as(nhs).isEmpty();
            assertThat(note(list)).isEqualTo("Information not available");
            assertThat(all(bundle, ListResource.class)).as(nhs).hasSize(1);
        }
        // §7.3: data in transit applies to every list
        assertThat(warningCodes(list(record(parameters(nhsNumber(PATIENT13), param("includeConsultations"))), LIST)))
                .containsExactly("data-in-transit");
    }

    @Test
    void aResolvedAllergyInAConsultationIsContainedInTheOneEndedAllergiesList() {
        // §6/§7.2: a resolved allergy is never an entry: referred to by identifier, contained in "Ended allergies"
        update(pool, "INSERT INTO consultation_item (section_id, position, item_type, item_id) VALUES "
                + "(md5('B82617:consultation-section:2:2:2')::uuid, 2, 'allergy', md5('B82617:allergy:2:1')::uuid), "
                + "(md5('B82617:consultation-section:2:2:2')::uuid, 3, 'allergy', md5('B82617:allergy:2:2')::uuid)");
        try {
            Bundle bundle = record(consultations());
            ListResource topic = topic(bundle, consultationOf(bundle, 2), "Upper respiratory tract infection");
            assertThat(topic.getEntry()).hasSize(3);
            Reference ended = topic.getEntry().get(1).getItem();
            assertThat(ended.hasReference()).isFalse();
            assertThat(ended.getIdentifier().getValue()).isEqualTo(seedId("B82617:allergy:2:1"));
            ListResource endedList = list(bundle, "Ended allergies");
            assertThat(endedList.getContained()).singleElement().satisfies(a ->
                    assertThat(((AllergyIntolerance) a).getClinicalStatus()).isEqualTo(AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED));
            assertSecondary(bundle, "Consultations - allergies contained in consultations", 1, "AllergyIntolerance/");
            assertThat(list(bundle, "Consultations - allergies that have been ended contained in consultations").getEntry())
                    .singleElement().satisfies(e -> assertThat(e.getItem().getIdentifier().getValue()).isEqualTo(seedId("B82617:allergy:2:1")));
            // the sesame allergy is linked to a problem not in the consultations: the related-problems list brings it
            assertThat(list(bundle, "Problems - linked problems not relating to the primary query").getEntry()).hasSize(1);
            // with allergies asked for (resolved too), still exactly one "Ended allergies" list (BundleIntegrity)
            record(parameters(nhsNumber(PATIENT2), param("includeConsultations"), allergies(true), param("includeProblems")));
        } finally {
            update(pool, "DELETE FROM consultation_item WHERE item_type = 'allergy'");
        }
    }

    // ------------------------------------------------------------------ switched-off areas (§5)

    @Test
    void itemsOfASwitchedOffAreaAreDisplayedAsDisabled() {
        switchOff("medication");
        try {
            Bundle bundle = record(consultations());
            ListResource plan = category(bundle, topic(bundle, consultationOf(bundle, 1), "Anxiety with Depression"), "Plan");
            assertThat(plan.getEntry()).extracting(e -> e.getItem().hasReference() ? e.getItem().getReference() : e.getItem().getDisplay())
                    .containsExactly("Medication items have been disabled", "Medication items have been disabled",
                            ref("ReferralRequest", "B82617:referral:2:2"));
            assertThat(list(bundle, "Consultations - medications contained in consultations").getEntry())
                    .isNotEmpty().allSatisfy(e -> assertThat(e.getItem().getDisplay()).isEqualTo("Medication items have been disabled"));
            assertThat(all(bundle, MedicationRequest.class)).isEmpty();
            assertThat(warnings(bundle)).containsExactly("includeMedication has been disabled|includeMedication");
        } finally {
            switchesBack();
        }
    }

    @Test
    void topicProblemsOfSwitchedOffProblemsAreDisplayedAsDisabled() {
        switchOff("problems");
        try {
            Bundle bundle = record(consultations());
            ListResource anxiety = topic(bundle, consultationOf(bundle, 1), "Anxiety with Depression");
            Reference target = (Reference) anxiety.getExtensionByUrl(RELATED_PROBLEM).getExtensionByUrl("target").getValue();
            assertThat(target.hasReference()).isFalse();
            assertThat(target.getDisplay()).isEqualTo("Problem items have been disabled");
            assertThat(all(bundle, Condition.class)).isEmpty();
            assertThat(list(bundle, "Consultations - problems contained in consultations").getEntry())
                    .allSatisfy(e -> assertThat(e.getItem().getDisplay()).isEqualTo("Problem items have been disabled"));
            assertThat(warnings(bundle)).containsExactly("includeProblems has been disabled|includeProblems");
        } finally {
            switchesBack();
        }
    }

    @Test
    void documentsSwitchedOffAreDisplayedAsDisabledWithTheDocumentReferencesWarning() {
        switchOff("documents");
        try {
            Bundle bundle = record(consultations());
            ListResource kneePlan = category(bundle, topic(bundle, consultationOf(bundle, 1), "Knee Pain"), "Plan");
            assertThat(kneePlan.getEntry().get(1).getItem().getDisplay()).isEqualTo("Document items have been disabled");
            ReferralRequest physio = resource(bundle, ref("ReferralRequest", "B82617:referral:2:1"), ReferralRequest.class);
            assertThat(physio.getSupportingInfoFirstRep().getDisplay()).isEqualTo("Document items have been disabled");
            assertThat(all(bundle, DocumentReference.class)).isEmpty();
            // §5: documents' warning is named DocumentReferences
            assertThat(warnings(bundle)).containsExactly("DocumentReferences has been disabled|DocumentReferences");
        } finally {
            switchesBack();
        }
    }

    // ------------------------------------------------------------------ problems and documents elsewhere

    @Test
    void problemsBringTheirConsultationsInTheirSecondaryList() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeProblems")));
        ListResource consultations = list(bundle, "Problems - consultations related to problems");
        assertThat(consultations.getCode().getCodingFirstRep().getCode()).isEqualTo("problems-consultations-related-to-problems");
        assertThat(consultations.getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactlyInAnyOrder(ref(encounter(1)), ref(encounter(2)), ref(encounter(3)));
        Condition anxiety = all(bundle, Condition.class).stream().filter(c -> "231504006".equals(c.getCode().getCodingFirstRep().getCode()))
                .findFirst().orElseThrow();
        assertThat(anxiety.getExtensionsByUrl(HL7 + "Extension-CareConnect-RelatedClinicalContent-1"))
                .extracting(e -> ((Reference) e.getValue()).getReference()).contains(ref(encounter(1)), ref(encounter(2)), ref(encounter(3)));
        // no consultation structure without includeConsultations
        assertThat(structure(bundle, CONSULTATION)).isEmpty();

        switchOff("consultations");
        try {
            Bundle off = record(parameters(nhsNumber(PATIENT2), param("includeProblems")));
            assertThat(list(off, "Problems - consultations related to problems").getEntry())
                    .allSatisfy(e -> assertThat(e.getItem().getDisplay()).isEqualTo("Consultation items have been disabled"));
            assertThat(all(off, Encounter.class)).isEmpty();
            assertThat(warnings(off)).contains("includeConsultations has been disabled|includeConsultations");
        } finally {
            switchesBack();
        }
    }

    @Test
    void referralsCarryTheirLetterAsMetadataOnly() {
        // §6 Referrals: ReferralRequest with its DocumentReference; §8: metadata only
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeReferrals")));
        ReferralRequest physio = resource(bundle, ref("ReferralRequest", "B82617:referral:2:1"), ReferralRequest.class);
        assertThat(physio.getSupportingInfo()).extracting(Reference::getReference).containsExactly(ref("DocumentReference", "B82617:document:2:1"));
        DocumentReference letter = resource(bundle, ref("DocumentReference", "B82617:document:2:1"), DocumentReference.class);
        assertThat(letter.getMeta().getProfile().get(0).getValue()).isEqualTo(SD + "CareConnect-GPC-DocumentReference-1");
        assertThat(letter.getStatus().toCode()).isEqualTo("current");
        assertThat(letter.getType().getText()).isEqualTo("Referral letter");
        assertThat(letter.getSubject().getReference()).isEqualTo("Patient/2");
        assertThat(letter.getIndexedElement().getValueAsString()).isEqualTo("2019-03-28T10:38:00+00:00");
        assertThat(letter.getCustodian().getReference()).isEqualTo("Organization/1");
        assertThat(letter.getAuthorFirstRep().getReference()).isEqualTo("Organization/1");
        assertThat(letter.getContent()).singleElement().satisfies(c -> {
            assertThat(c.getAttachment().getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(c.getAttachment().getSize()).isEqualTo(24576);
            assertThat(c.getAttachment().hasData() || c.getAttachment().hasUrl()).isFalse();
        });
        // its consultation is not in this response: no dangling context.encounter
        assertThat(letter.getContext().hasEncounter()).isFalse();
        // patient4's large document is in no consultation, problem or referral: never in a structured response
        Bundle patient4 = record(parameters(nhsNumber(PATIENT4), allergies(true), param("includeConsultations"), param("includeProblems"),
                param("includeReferrals")));
        assertThat(all(patient4, DocumentReference.class)).isEmpty();
    }

    @Test
    void consultationsInXml() {
        String xml = caller().header("Accept", "application/fhir+xml").body(consultations()).when().post(OPERATION)
                .then().statusCode(200).extract().asString();
        Bundle bundle = ca.uhn.fhir.context.FhirContext.forDstu3Cached().newXmlParser().parseResource(Bundle.class, xml);
        BundleIntegrity.assertIntegrity(bundle);
        assertThat(structure(bundle, TOPIC)).hasSize(8);
        assertThat(structure(bundle, CATEGORY)).hasSize(4);
    }

    // ------------------------------------------------------------------ helpers

    static String consultations(String... parts) {
        return parameters(nhsNumber(PATIENT2), param("includeConsultations", parts));
    }

    private void switchOff(String area) {
        update(pool, "INSERT INTO practice_clinical_area (practice_ods, area, enabled, changed_by) VALUES ('B82617', $1, false, 'test')", area);
    }

    private void switchesBack() {
        update(pool, "DELETE FROM practice_clinical_area WHERE practice_ods = 'B82617'");
    }

    /** The uuid the seed derives from a key ({@code md5(key)::uuid}). */
    static String seedId(String key) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ref(String type, String seedKey) {
        return type + "/" + seedId(seedKey);
    }

    private static String encounter(int n) {
        return "B82617:encounter:2:" + n;
    }

    private static String ref(String encounterKey) {
        return "Encounter/" + seedId(encounterKey);
    }

    private static String code(ListResource list) {
        return list.getCode().getCodingFirstRep().getCode();
    }

    private static List<ListResource> structure(Bundle bundle, String code) {
        return all(bundle, ListResource.class).stream().filter(l -> code.equals(code(l))).toList();
    }

    private static ListResource consultationOf(Bundle bundle, int n) {
        String encounter = ref(encounter(n));
        return structure(bundle, CONSULTATION).stream().filter(l -> l.getEncounter().getReference().equals(encounter))
                .findFirst().orElseThrow();
    }

    private static Map<String, Resource> byReference(Bundle bundle) {
        return all(bundle, Resource.class).stream()
                .collect(Collectors.toMap(r -> r.fhirType() + "/" + r.getIdElement().getIdPart(), Function.identity(), (a, b) -> a));
    }

    private static List<ListResource> topics(Bundle bundle, ListResource consultation) {
        Map<String, Resource> resources = byReference(bundle);
        return consultation.getEntry().stream().map(e -> (ListResource) resources.get(e.getItem().getReference())).toList();
    }

    private static ListResource topic(Bundle bundle, ListResource consultation, String title) {
        return topics(bundle, consultation).stream().filter(t -> title.equals(t.getTitle())).findFirst().orElseThrow();
    }

    private static ListResource category(Bundle bundle, ListResource topic, String title) {
        Map<String, Resource> resources = byReference(bundle);
        return topic.getEntry().stream().map(e -> (ListResource) resources.get(e.getItem().getReference()))
                .filter(c -> CATEGORY.equals(code(c)) && title.equals(c.getTitle())).findFirst().orElseThrow();
    }

    private static <R extends Resource> R resource(Bundle bundle, String reference, Class<R> type) {
        String target = reference.contains("/") ? reference : ref(reference);
        return type.cast(byReference(bundle).get(target));
    }

    /** The first SNOMED code of the resource a reference points at. */
    private static String codeOf(Bundle bundle, String reference) {
        Resource r = byReference(bundle).get(reference);
        org.hl7.fhir.dstu3.model.CodeableConcept code = (org.hl7.fhir.dstu3.model.CodeableConcept)
                ca.uhn.fhir.context.FhirContext.forDstu3Cached().newTerser().getSingleValueOrNull(r, r.fhirType() + ".code");
        return code.getCodingFirstRep().getCode();
    }

    private static List<String> encounterStarts(Bundle bundle) {
        Map<String, Resource> resources = byReference(bundle);
        return list(bundle, LIST).getEntry().stream()
                .map(e -> ((Encounter) resources.get(e.getItem().getReference())).getPeriod().getStartElement().getValueAsString().substring(0, 10))
                .toList();
    }

    private static void assertSecondary(Bundle bundle, String title, int entries, String prefix) {
        ListResource list = list(bundle, title);
        Coding code = list.getCode().getCodingFirstRep();
        assertThat(code.getSystem()).isEqualTo("https://fhir.hl7.org.uk/STU3/CodeSystem/GPConnect-SecondaryListValues-1");
        assertThat(code.getCode()).isEqualTo(title.toLowerCase().replace(" - ", "-").replace(' ', '-'));
        assertThat(code.getDisplay()).isEqualTo(title);
        assertThat(list.hasIdElement()).isFalse();
        assertThat(list.getEntry()).as(title).hasSize(entries).allSatisfy(e -> assertThat(e.getItem().getReference()).startsWith(prefix));
        Map<String, Resource> resources = byReference(bundle);
        list.getEntry().forEach(e -> assertThat(resources).as("resource of " + e.getItem().getReference()).containsKey(e.getItem().getReference()));
    }
}
