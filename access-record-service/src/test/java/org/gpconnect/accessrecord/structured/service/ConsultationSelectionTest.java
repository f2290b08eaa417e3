package org.gpconnect.accessrecord.structured.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.PracticeSettings;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord;
import org.gpconnect.accessrecord.structured.lists.ListWarning;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.accessrecord.structured.request.DateRange;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Which consultations a query selects (access-record-structured.md §6): {@code consultationSearchPeriod} on
 * the Encounter's start (on or after the period's start) and end (on or before the period's end; the start
 * when no end is recorded), as days in the practice's zone; {@code includeNumberOfMostRecent} the N most
 * recent that may be shared, with the warning when one was left out.
 */
class ConsultationSelectionTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void periodOnStartAndEndAsDaysInThePracticeZone() {
        ConsultationRecord c = consultation("2019-05-01T10:30:00Z", "2019-05-02T09:00:00Z", false);
        assertThat(ConsultationsSection.inPeriod(c, range("2019-05-01", "2019-05-02"), LONDON)).isTrue();
        assertThat(ConsultationsSection.inPeriod(c, range("2019-05-02", null), LONDON)).isFalse();  // started before the start
        assertThat(ConsultationsSection.inPeriod(c, range(null, "2019-05-01"), LONDON)).isFalse();  // ended after the end
        // no end recorded: the start stands for the end
        ConsultationRecord open = consultation("2019-05-01T10:30:00Z", null, false);
        assertThat(ConsultationsSection.inPeriod(open, range(null, "2019-05-01"), LONDON)).isTrue();
        // 23:30 UTC on 1 May is 00:30 on 2 May in London (BST)
        ConsultationRecord late = consultation("2019-05-01T23:30:00Z", null, false);
        assertThat(ConsultationsSection.inPeriod(late, range("2019-05-02", "2019-05-02"), LONDON)).isTrue();
    }

    @Test
    void theNMostRecentThatMayBeShared() {
        ConsultationRecord june = consultation("2019-06-01T10:30:00Z", null, false);
        ConsultationRecord may = consultation("2019-05-01T10:30:00Z", null, true);
        ConsultationRecord march = consultation("2019-03-28T10:30:00Z", null, false);
        ListWarnings warnings = new ListWarnings();
        List<ConsultationRecord> two = ConsultationsSection.select(context(), List.of(june, may, march),
                new AreaQuery.Consultations(Optional.empty(), OptionalInt.of(2)), warnings, LONDON);
        assertThat(two).containsExactly(june, march);
        assertThat(warnings.has(ListWarning.CONFIDENTIAL_ITEMS)).isTrue();

        ListWarnings none = new ListWarnings();
        assertThat(ConsultationsSection.select(context(), List.of(june, may, march),
                new AreaQuery.Consultations(Optional.empty(), OptionalInt.of(1)), none, LONDON)).containsExactly(june);
        assertThat(none.has(ListWarning.CONFIDENTIAL_ITEMS)).isFalse(); // the confidential one would not have been among them
    }

    private static DateRange range(String start, String end) {
        return new DateRange(start == null ? null : LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    private static ConsultationRecord consultation(String start, String end, boolean confidential) {
        return new ConsultationRecord(UUID.randomUUID(), "finished", null, null, "Surgery Consultation", OffsetDateTime.parse(start),
                end == null ? null : OffsetDateTime.parse(end), "1", null, "1", "1", OffsetDateTime.parse(start),
                new SharingControls(confidential, null), List.of());
    }

    private static RecordContext context() {
        PracticeSettings practice = new PracticeSettings("B82617", "1", true, true, true, Set.of());
        RecordPatient patient = new RecordPatient("2", "9690937286", true, "MR", List.of("Horace"), "SKELLY", LocalDate.of(1925, 4, 21),
                "male", List.of(), null, null, null, false, null, true, false, true, "R", LocalDate.of(1962, 7, 13), "1", true);
        return new RecordContext(practice, patient, new Reference("Patient/2"), LocalDate.now(), new Date(), Set.of(),
                EnumSet.allOf(ClinicalArea.class), Map.of());
    }
}
