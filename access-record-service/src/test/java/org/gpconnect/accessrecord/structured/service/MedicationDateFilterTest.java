package org.gpconnect.accessrecord.structured.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;
import org.gpconnect.accessrecord.record.medication.MedicationProduct;
import org.junit.jupiter.api.Test;

/** medicationSearchFromDate semantics (access-record-structured.md §2, §6), without the database. */
class MedicationDateFilterTest {

    private static final Optional<LocalDate> FROM = Optional.of(LocalDate.of(2020, 6, 15));

    @Test
    void endedMedicationIsKeptWhenItEndsOnOrAfterTheDate() {
        assertThat(keep("repeat", day("2020-01-01"), day("2020-06-15"), "prescribed-at-gp-practice")).isTrue();
        assertThat(keep("repeat", day("2020-01-01"), day("2020-06-14"), "prescribed-at-gp-practice")).isFalse();
    }

    @Test
    void acuteWithoutEndIsActiveOnItsStartDayOnly() {
        assertThat(keep("acute", day("2020-06-15"), null, "prescribed-at-gp-practice")).isTrue();
        assertThat(keep("acute", day("2020-06-14"), null, "prescribed-at-gp-practice")).isFalse();
    }

    @Test
    void repeatOrUnknownTypeWithoutEndRunsOn() {
        assertThat(keep("repeat", day("2001-01-01"), null, "prescribed-at-gp-practice")).isTrue();
        assertThat(keep(null, day("2001-01-01"), null, "prescribed-at-gp-practice")).isTrue();
    }

    @Test
    void partialDatesAreTheirWholeInterval() {
        assertThat(keep("acute", new PartialDate(LocalDate.of(2020, 1, 1), PartialDate.Precision.YEAR), null, "prescribed-at-gp-practice")).isTrue();
        assertThat(keep("acute", new PartialDate(LocalDate.of(2020, 6, 1), PartialDate.Precision.MONTH), null, "prescribed-at-gp-practice")).isTrue();
        assertThat(keep("acute", new PartialDate(LocalDate.of(2020, 5, 1), PartialDate.Precision.MONTH), null, "prescribed-at-gp-practice")).isFalse();
        assertThat(keep("repeat", day("2019-01-01"), new PartialDate(LocalDate.of(2020, 6, 1), PartialDate.Precision.MONTH), "prescribed-at-gp-practice")).isTrue();
        assertThat(keep("repeat", day("2019-01-01"), new PartialDate(LocalDate.of(2019, 1, 1), PartialDate.Precision.YEAR), "prescribed-at-gp-practice")).isFalse();
    }

    @Test
    void undatedAndPrescribedElsewhereAreAlwaysKept() {
        assertThat(keep("acute", null, null, "prescribed-at-gp-practice")).isTrue();
        assertThat(keep("acute", day("1958-01-04"), null, "prescribed-by-another-organisation")).isTrue();
    }

    @Test
    void noDateKeepsEverything() {
        assertThat(MedicationDateFilter.keep(authorisation("acute", day("1958-01-04"), null, "prescribed-at-gp-practice"), Optional.empty())).isTrue();
    }

    private static boolean keep(String type, PartialDate start, PartialDate end, String agency) {
        return MedicationDateFilter.keep(authorisation(type, start, end, agency), FROM);
    }

    private static PartialDate day(String date) {
        return PartialDate.day(LocalDate.parse(date));
    }

    private static MedicationAuthorisation authorisation(String type, PartialDate start, PartialDate end, String agency) {
        return new MedicationAuthorisation(UUID.randomUUID(), UUID.randomUUID(),
                new MedicationProduct(UUID.randomUUID(), "http://snomed.info/sct", "322623000", "Tramadol 50mg capsules", null),
                "active", "active", type, agency, start, end, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1), "1",
                "As directed", null, null, 0, null, null, null, null, null, null, null,
                new SharingControls(false, null), List.of());
    }
}
