package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.junit.jupiter.api.Test;

/**
 * Outbound referrals and diary entries (access-record-structured.md §2 includeReferrals /
 * includeDiaryEntries, §6, §8; clinical.yaml "referrals", "diary").
 */
@QuarkusTest
class ReferralsAndDiaryTest {

    static final String REFERRALS = "Outbound referral";
    static final String DIARY = "Patient recall administration";

    @Inject
    Pool pool;

    @Test
    void patient3Referrals() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeReferrals")));
        ListResource list = list(bundle, REFERRALS);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("792931000000107");
        assertThat(list.getEntry()).hasSize(2);
        assertThat(all(bundle, ReferralRequest.class)).extracting(r -> r.getReasonCodeFirstRep().getText())
                .containsExactlyInAnyOrder("Referral to physiotherapist", "Referral to counselor");
        assertThat(all(bundle, ReferralRequest.class)).allSatisfy(r -> {
            assertThat(r.getMeta().getProfile().get(0).getValue()).isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-ReferralRequest-1");
            assertThat(r.getStatus()).isEqualTo(ReferralRequest.ReferralRequestStatus.UNKNOWN);
            assertThat(r.getIntent()).isEqualTo(ReferralRequest.ReferralCategory.ORDER);
            assertThat(r.getPriority()).isEqualTo(ReferralRequest.ReferralPriority.ROUTINE);
            assertThat(r.getSubject().getReference()).isEqualTo("Patient/3");
            assertThat(r.getRequester().getAgent().getReference()).isEqualTo("Practitioner/1");
            assertThat(r.getRequester().getOnBehalfOf().getReference()).isEqualTo("Organization/1");
            assertThat(r.getAuthoredOnElement().getValueAsString()).isEqualTo("2019-03-28T10:30:00+00:00");
        });
        assertThat(hasList(bundle, "Problems - linked problems not relating to the primary query")).isFalse();
    }

    @Test
    void patient2PhysiotherapyReferralIsLinkedToAProblem() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeReferrals")));
        assertThat(list(bundle, REFERRALS).getEntry()).hasSize(2);
        assertThat(list(bundle, "Problems - linked problems not relating to the primary query").getEntry()).hasSize(1);
    }

    @Test
    void patient16ReferralListCarriesTheConfidentialWarning() {
        ListResource list = list(record(parameters(nhsNumber(PATIENT16), param("includeReferrals"))), REFERRALS);
        assertThat(list.getEntry()).hasSize(1);
        assertThat(warningCodes(list)).containsExactly("confidential-items");
        assertThat(note(list)).isEqualTo(CONFIDENTIAL_NOTE);
    }

    @Test
    void referralSearchPeriod() {
        assertThat(referrals("2019-03-28", "2019-03-28")).isEqualTo(2);
        assertThat(referrals("2019-03-29", null)).isZero();
        assertThat(referrals(null, "2019-03-27")).isZero();
    }

    @Test
    void diaryEntriesAreIncompleteRecalls() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeDiaryEntries")));
        ListResource list = list(bundle, DIARY);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("714311000000108");
        assertThat(list.getEntry()).hasSize(1);
        ProcedureRequest recall = all(bundle, ProcedureRequest.class).get(0);
        assertThat(recall.getStatus()).isEqualTo(ProcedureRequest.ProcedureRequestStatus.ACTIVE);
        assertThat(recall.getIntent()).isEqualTo(ProcedureRequest.ProcedureRequestIntent.PLAN);
        assertThat(recall.getCode().getText()).isEqualTo("Recall for blood test");
        assertThat(recall.getSubject().getReference()).isEqualTo("Patient/3");
        assertThat(recall.hasAuthoredOn()).isTrue();
        assertThat(recall.getRequester().getAgent().getReference()).isEqualTo("Practitioner/1");
        assertThat(recall.getOccurrenceDateTimeType().getValueAsString()).isEqualTo(LocalDate.now().plusDays(365).toString());
        // patient2's recall is linked to a problem
        assertThat(list(record(parameters(nhsNumber(PATIENT2), param("includeDiaryEntries"))),
                "Problems - linked problems not relating to the primary query").getEntry()).hasSize(1);
    }

    @Test
    void diaryEntriesSearchDateAndTheUndatedAndCompletedRules() {
        // occurring on or before the date (§2); patient3's recall falls due in a year
        assertThat(diary(PATIENT3, LocalDate.now().plusDays(364))).isZero();
        assertThat(diary(PATIENT3, LocalDate.now().plusDays(365))).isEqualTo(1);
        update(pool, "INSERT INTO diary_entry (id, patient_id, code_text, authored_on, requester_id) VALUES "
                + "(md5('test-undated-recall')::uuid, '20', 'Recall, date not set', '2020-01-01', '1')");
        update(pool, "INSERT INTO diary_entry (id, patient_id, code_text, completed, occurrence_date, occurrence_precision, authored_on, "
                + "requester_id) VALUES (md5('test-done-recall')::uuid, '20', 'Done', true, '2020-06-01', 'day', '2020-01-01', '1')");
        update(pool, "INSERT INTO diary_entry (id, patient_id, code_text, occurrence_date, occurrence_precision, authored_on, "
                + "requester_id) VALUES (md5('test-year-recall')::uuid, '20', 'Some time next year', '" + LocalDate.now().plusYears(1).withDayOfYear(1)
                + "', 'year', '2020-01-01', '1')");
        try {
            assertThat(diary("9690938134", LocalDate.now())).isEqualTo(1);           // undated only
            assertThat(diary("9690938134", LocalDate.now().plusYears(1).withDayOfYear(1))).isEqualTo(2);
            Bundle bundle = record(parameters(nhsNumber("9690938134"), param("includeDiaryEntries")));
            assertThat(all(bundle, ProcedureRequest.class)).extracting(p -> p.getCode().getText()).doesNotContain("Done");
        } finally {
            update(pool, "DELETE FROM diary_entry WHERE patient_id = '20'");
        }
    }

    private static int referrals(String start, String end) {
        return list(record(parameters(nhsNumber(PATIENT3), param("includeReferrals", period("referralSearchPeriod", start, end)))),
                REFERRALS).getEntry().size();
    }

    private static int diary(String nhs, LocalDate date) {
        return list(record(parameters(nhsNumber(nhs), param("includeDiaryEntries", date("diaryEntriesSearchDate", date.toString())))),
                DIARY).getEntry().size();
    }
}
