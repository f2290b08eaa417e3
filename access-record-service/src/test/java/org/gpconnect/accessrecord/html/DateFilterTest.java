package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;
import static org.gpconnect.accessrecord.html.XhtmlView.banners;
import static org.gpconnect.accessrecord.html.XhtmlView.noData;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consumer's time period (access-record-html.md §4.2 "Date filter semantics", §5 date filter column): what
 * each section keeps, inclusive whole days with partial dates expanded, and the date banner each table carries.
 */
@QuarkusTest
class DateFilterTest {

    @Test
    void periodBannerWithPartialDatesExpanded() {
        // §4.2: start 2012 -> 01-Jan-2012, end 2016-09 -> 30-Sep-2016
        XhtmlView view = view(PATIENT2, "ADM", period("2012", "2016-09"));
        assertThat(banners(view.root(), "date-banner")).containsExactly("For the period '01-Jan-2012' to '30-Sep-2016'");
        assertThat(view.rows("adm-tab")).hasSize(3);
    }

    @Test
    void startOnlyAndEndOnlyBanners() {
        XhtmlView from = view(PATIENT2, "ADM", period("2016-02", null));
        assertThat(banners(from.root(), "date-banner")).containsExactly("Data items from '01-Feb-2016'");
        assertThat(from.column("adm-tab", "Date")).containsExactly("20-Jun-2016", "10-Feb-2016");
        XhtmlView until = view(PATIENT2, "ADM", period(null, "2016-02-09"));
        assertThat(banners(until.root(), "date-banner")).containsExactly("Data items until '09-Feb-2016'");
        assertThat(until.column("adm-tab", "Date")).containsExactly("15-Jun-2015");
    }

    @Test
    void wholeDaysInclusive() {
        // the end day counts in full, the start day too
        assertThat(view(PATIENT2, "ADM", period("2016-02-10", "2016-02-10")).column("adm-tab", "Date")).containsExactly("10-Feb-2016");
        assertThat(view(PATIENT2, "ENC", period("2019-03-28", "2019-03-28")).column("enc-tab", "Date")).containsExactly("28-Mar-2019");
        assertThat(view(PATIENT2, "ENC", period("2019-05", "2019-05")).column("enc-tab", "Date")).containsExactly("01-May-2019");
    }

    @Test
    void aRangeWithNothingInItShowsTheBannerAndTheNoDataFragment() {
        XhtmlView view = view(PATIENT2, "REF", period("2016-01-01", "2016-12-31"));
        assertThat(banners(view.root(), "date-banner")).containsExactly("For the period '01-Jan-2016' to '31-Dec-2016'");
        assertThat(noData(view.root())).containsExactly("No 'Referrals' data is recorded for this patient.");
        assertThat(view(PATIENT2, "OBS", period("2019-03-29", null)).tableIds()).isEmpty();
        assertThat(view(PATIENT2, "OBS", period(null, "2019-03-28")).rows("obs-tab")).hasSize(4);
    }

    @Test
    void problemsActiveSubsectionIsNeverFiltered() {
        XhtmlView view = view(PATIENT2, "PRB", period("2016", "2016"));
        assertThat(view.rows("prb-tab-act")).hasSize(6);
        assertThat(banners(view.subsection("Active Problems and Issues"), "date-banner")).containsExactly("Date filter not applied");
        assertThat(banners(view.subsection("Major Inactive Problems and Issues"), "date-banner"))
                .containsExactly("For the period '01-Jan-2016' to '31-Dec-2016'");
        assertThat(banners(view.subsection("Other Inactive Problems and Issues"), "date-banner"))
                .containsExactly("For the period '01-Jan-2016' to '31-Dec-2016'");
    }

    @Test
    void medicationAllSubsectionsIgnoreTheRangeAndAllMedicationUsesTheEffectivePeriod() {
        XhtmlView view = view(PATIENT2, "MED", period("2019-01-01", "2019-12-31"));
        for (String title : List.of("Acute Medication (Last 12 Months)", "Current Repeat Medication", "Discontinued Repeat Medication")) {
            assertThat(banners(view.subsection(title), "date-banner")).as(title).containsExactly("Date filter not applied");
        }
        assertThat(view.column("med-tab-curr-rep", "Medication Item")).hasSize(1);
        for (String title : List.of("All Medication", "All Medication Issues")) {
            assertThat(banners(view.subsection(title), "date-banner")).as(title)
                    .containsExactly("For the period '01-Jan-2019' to '31-Dec-2019'");
        }
        // 2019: the Citalopram repeat (Mar-Sep 2019) and the Paracetamol acute (its start day); the shifted ones are later
        assertThat(view.rows("med-tab-all-sum")).filteredOn(r -> r.size() == 1).extracting(r -> r.get(0))
                .containsExactly("Citalopram 20mg tablets", "Paracetamol 500mg tablets");
        assertThat(view.column("med-tab-all-iss", "Issue Date")).containsExactly("01-Jun-2019", "01-May-2019", "28-Mar-2019", "28-Mar-2019");
        // the confidential Amlodipine is outside the range: nothing was excluded from these tables
        assertThat(banners(view.subsection("All Medication"), "exclusion-banner")).isEmpty();
        // an acute item lasts its start day only: the day after, it is gone
        XhtmlView after = view(PATIENT2, "MED", period("2019-03-29", "2019-04-30"));
        assertThat(after.rows("med-tab-all-sum")).filteredOn(r -> r.size() == 1).extracting(r -> r.get(0))
                .containsExactly("Citalopram 20mg tablets");
        // a repeat overlapping the start of the range is kept
        XhtmlView overlap = view(PATIENT2, "MED", period("2019-09-27", null));
        assertThat(overlap.rows("med-tab-all-sum")).filteredOn(r -> r.size() == 1).extracting(r -> r.get(0))
                .contains("Citalopram 20mg tablets").doesNotContain("Paracetamol 500mg tablets");
    }

    @Test
    void encountersReferralsObservationsFilterOnTheirDate() {
        assertThat(view(PATIENT2, "ENC", period("2019-04", null)).column("enc-tab", "Date")).containsExactly("01-Jun-2019", "01-May-2019");
        assertThat(view(PATIENT2, "REF", period("2019", "2019")).rows("ref-tab")).hasSize(2);
        assertThat(view(PATIENT2, "OBS", period("2019-03-28T00:00:00+00:00", "2019-03-28T00:00:00+00:00")).rows("obs-tab")).hasSize(4);
    }
}
