package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Quantity;
import org.junit.jupiter.api.Test;

/** Uncategorised data (access-record-structured.md §2 includeUncategorisedData, §6, §8; clinical.yaml "uncategorised"). */
@QuarkusTest
class UncategorisedDataTest {

    static final String TITLE = "Uncategorised data";
    static final String PERIOD = "uncategorisedDataSearchPeriod";

    @Inject
    Pool pool;

    @Test
    void patient2VitalSigns() {
        // clinical.yaml's three, and the blood pressure its first consultation's examination names
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeUncategorisedData")));
        ListResource list = list(bundle, TITLE);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("826501000000100");
        assertThat(list.getEntry()).hasSize(4);
        assertThat(all(bundle, Observation.class)).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("703421000", "1097811000000106", "86290005", "75367002");
        Observation temperature = all(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("703421000")).findFirst().orElseThrow();
        assertThat(temperature.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Observation-1");
        assertThat(temperature.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(temperature.getSubject().getReference()).isEqualTo("Patient/2");
        assertThat(temperature.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2019-03-28T10:30:00+00:00");
        assertThat(temperature.hasIssued()).isTrue();
        assertThat(temperature.getPerformerFirstRep().getReference()).isEqualTo("Practitioner/1");
        Quantity value = temperature.getValueQuantity();
        assertThat(value.getValue()).isEqualByComparingTo("36.7");
        assertThat(value.getUnit()).isEqualTo("Cel");
        assertThat(value.getSystem()).isEqualTo("http://unitsofmeasure.org");
        // the temperature is linked to a problem: the related-problems list brings it (§6)
        assertThat(list(bundle, "Problems - linked problems not relating to the primary query").getEntry()).hasSize(1);
        assertThat(list(record(parameters(nhsNumber(PATIENT3), param("includeUncategorisedData"))), TITLE).getEntry()).hasSize(3);
    }

    @Test
    void searchPeriodOnTheEffectiveDate() {
        assertThat(entries(PATIENT2, "2019-03-28", "2019-03-28")).isEqualTo(4);
        assertThat(entries(PATIENT2, "2019-03-29", LocalDate.now().toString())).isZero();
        assertThat(entries(PATIENT2, null, "2019-03-27")).isZero();
        assertThat(entries(PATIENT2, "2019-01-01", null)).isEqualTo(4);
    }

    @Test
    void partialAndUndatedItemsAndBloodPressure() {
        // §6: a month-only date is the whole month; an undated item is always returned
        update(pool, "INSERT INTO observation (id, patient_id, kind, code, code_display, effective_date, effective_precision, issued, "
                + "performer_id, value_string) VALUES (md5('test-month')::uuid, '20', 'uncategorised', '37331000000100', 'Comment note', "
                + "'2020-02-01', 'month', '2020-02-20T09:00:00Z', '1', 'seen in February')");
        update(pool, "INSERT INTO observation (id, patient_id, kind, code, code_display, issued, performer_id, value_string) VALUES "
                + "(md5('test-undated')::uuid, '20', 'uncategorised', '37331000000100', 'Comment note', '2020-02-20T09:00:00Z', '1', 'undated')");
        update(pool, "INSERT INTO observation (id, patient_id, kind, code, code_display, effective_date, effective_precision, issued, "
                + "performer_id) VALUES (md5('test-bp')::uuid, '20', 'blood-pressure', '75367002', 'Blood pressure', "
                + "'2020-02-10', 'day', '2020-02-10T09:00:00Z', '1')");
        update(pool, "INSERT INTO observation_component (observation_id, position, code, code_display, value_quantity, value_unit) VALUES "
                + "(md5('test-bp')::uuid, 1, '72313002', 'Systolic arterial pressure', 120, 'mm[Hg]'), "
                + "(md5('test-bp')::uuid, 2, '1091811000000102', 'Diastolic arterial pressure', 80, 'mm[Hg]')");
        try {
            String nhs = "9690938134";
            assertThat(entries(nhs, "2020-02-29", "2020-03-31")).isEqualTo(2);   // month item + undated
            assertThat(entries(nhs, "2020-03-01", "2020-03-31")).isEqualTo(1);   // undated only
            assertThat(entries(nhs, "2020-02-10", "2020-02-10")).isEqualTo(3);
            Bundle bundle = record(parameters(nhsNumber(nhs), param("includeUncategorisedData")));
            Observation bp = all(bundle, Observation.class).stream()
                    .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("75367002")).findFirst().orElseThrow();
            assertThat(bp.hasValue()).isFalse();
            assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode()).containsExactly("72313002", "1091811000000102");
            assertThat(bp.getComponent().get(0).getValueQuantity().getValue()).isEqualByComparingTo("120");
            Observation month = all(bundle, Observation.class).stream()
                    .filter(o -> "seen in February".equals(o.getValue() == null ? null : o.getValue().primitiveValue())).findFirst().orElseThrow();
            assertThat(month.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2020-02");
        } finally {
            update(pool, "DELETE FROM observation_component WHERE observation_id = md5('test-bp')::uuid");
            update(pool, "DELETE FROM observation WHERE patient_id = '20'");
        }
    }

    @Test
    void emptyListForPatient1() {
        ListResource list = list(record(parameters(nhsNumber(PATIENT1), param("includeUncategorisedData"))), TITLE);
        assertThat(list.getEntry()).isEmpty();
        assertThat(note(list)).isEqualTo("Information not available");
    }

    private static int entries(String nhs, String start, String end) {
        return list(record(parameters(nhsNumber(nhs), param("includeUncategorisedData", period(PERIOD, start, end)))), TITLE).getEntry().size();
    }
}
