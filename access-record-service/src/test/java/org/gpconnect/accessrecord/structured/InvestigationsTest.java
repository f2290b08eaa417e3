package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Specimen;
import org.junit.jupiter.api.Test;

/** Investigations (access-record-structured.md §2 includeInvestigations, §6, §8; clinical.yaml "investigations"). */
@QuarkusTest
class InvestigationsTest {

    static final String TITLE = "Investigations and results";
    static final String PERIOD = "investigationSearchPeriod";

    @Inject
    Pool pool;

    @Test
    void patient3ReportsWithRequestSpecimenTestGroupResultsAndFilingComment() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeInvestigations")));
        ListResource list = list(bundle, TITLE);
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("887191000000108");
        assertThat(list.getEntry()).hasSize(2);
        List<DiagnosticReport> reports = all(bundle, DiagnosticReport.class);
        assertThat(reports).hasSize(2);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
            assertThat(r.getCode().getCodingFirstRep().getCode()).isEqualTo("721981007");
            assertThat(r.getSubject().getReference()).isEqualTo("Patient/3");
            assertThat(r.getIssuedElement().getValueAsString()).isEqualTo("2019-04-03T12:00:00+01:00");
            assertThat(r.getBasedOnFirstRep().getReference()).startsWith("ProcedureRequest/");
            assertThat(r.getSpecimen()).hasSize(1);
        });
        DiagnosticReport fbc = reports.stream().filter(r -> r.hasResult()).findFirst().orElseThrow();
        assertThat(fbc.getResult()).hasSize(2); // the test group and the filing comment; results hang off the group
        List<Observation> observations = all(bundle, Observation.class);
        assertThat(observations).hasSize(6);
        Observation group = observations.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("26604007")).findFirst().orElseThrow();
        assertThat(group.getRelated()).hasSize(4).allSatisfy(r -> {
            assertThat(r.getType()).isEqualTo(Observation.ObservationRelationshipType.HASMEMBER);
            assertThat(r.getTarget().getReference()).startsWith("Observation/");
        });
        Observation haemoglobin = observations.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("1022431000000105")).findFirst().orElseThrow();
        assertThat(haemoglobin.getValueQuantity().getValue()).isEqualByComparingTo("142");
        Observation filing = observations.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("37331000000100")).findFirst().orElseThrow();
        assertThat(filing.getStatus()).isEqualTo(Observation.ObservationStatus.UNKNOWN);
        assertThat(filing.hasIssued()).isTrue();
        assertThat(filing.getPerformerFirstRep().getReference()).isEqualTo("Practitioner/1");

        ProcedureRequest request = all(bundle, ProcedureRequest.class).get(0);
        assertThat(request.getStatus()).isEqualTo(ProcedureRequest.ProcedureRequestStatus.ACTIVE);
        assertThat(request.getIntent()).isEqualTo(ProcedureRequest.ProcedureRequestIntent.ORDER);
        assertThat(request.getCode().getText()).isEqualTo("FBC - Full blood count");
        Specimen specimen = all(bundle, Specimen.class).get(0);
        assertThat(specimen.getType().getCodingFirstRep().getDisplay()).isEqualTo("Venous blood specimen");
        assertThat(specimen.getCollection().getCollectedDateTimeType().getValueAsString()).isEqualTo("2019-04-01T11:00:00+01:00");
        // patient3's reports are not linked to any problem
        assertThat(hasList(bundle, "Problems - linked problems not relating to the primary query")).isFalse();
    }

    @Test
    void patient2ReportIsLinkedToAProblem() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), param("includeInvestigations")));
        assertThat(list(bundle, TITLE).getEntry()).hasSize(2);
        assertThat(list(bundle, "Problems - linked problems not relating to the primary query").getEntry()).hasSize(1);
    }

    @Test
    void searchPeriodOnIssued() {
        assertThat(entries(PATIENT3, "2019-04-03", "2019-04-03")).isEqualTo(2);
        assertThat(entries(PATIENT3, "2019-04-04", LocalDate.now().toString())).isZero();
        assertThat(entries(PATIENT3, null, "2019-04-02")).isZero();
    }

    @Test
    void aConfidentialResultIsLeftOutAndTheListSaysSo() {
        update(pool, "UPDATE investigation_observation SET confidential = true WHERE id = md5('B82617:investigation-observation:3:4')::uuid");
        try {
            Bundle bundle = record(parameters(nhsNumber(PATIENT3), param("includeInvestigations")));
            assertThat(list(bundle, TITLE).getEntry()).hasSize(2);
            assertThat(warningCodes(list(bundle, TITLE))).containsExactly("confidential-items");
            assertThat(all(bundle, Observation.class)).hasSize(5)
                    .noneMatch(o -> o.getCode().getCodingFirstRep().getCode().equals("1022431000000105"));
        } finally {
            update(pool, "UPDATE investigation_observation SET confidential = false WHERE id = md5('B82617:investigation-observation:3:4')::uuid");
        }
    }

    @Test
    void emptyList() {
        ListResource list = list(record(parameters(nhsNumber(PATIENT4), param("includeInvestigations"))), TITLE);
        assertThat(list.getEntry()).isEmpty();
        assertThat(list.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
    }

    private static int entries(String nhs, String start, String end) {
        return list(record(parameters(nhsNumber(nhs), param("includeInvestigations", period(PERIOD, start, end)))), TITLE).getEntry().size();
    }
}
