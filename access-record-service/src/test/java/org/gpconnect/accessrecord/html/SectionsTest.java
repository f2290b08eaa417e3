package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;
import static org.gpconnect.accessrecord.html.XhtmlView.bannerClasses;
import static org.gpconnect.accessrecord.html.XhtmlView.banners;
import static org.gpconnect.accessrecord.html.XhtmlView.noData;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The ten views of access-record-html.md §4-§6 for patient2 (the dataset's rich record) and patient1 (no data
 * at all): titles, subsections and table ids in order (§4.1, §4.3, §5), column headers exactly, rows and their
 * default sort (newest first), dates as dd-Mmm-yyyy, date banners (§4.2) and "no data" fragments (§6).
 */
@QuarkusTest
class SectionsTest {

    static final List<String> PROBLEM_ACTIVE = List.of("Start Date", "Entry", "Significance", "Details");
    static final List<String> PROBLEM_INACTIVE = List.of("Start Date", "End Date", "Entry", "Significance", "Details");
    static final List<String> ACUTE = List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity",
            "Scheduled End Date", "Days Duration", "Additional Information");
    static final List<String> CURRENT_REPEAT = List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity",
            "Last Issued Date", "Number of Prescriptions Issued", "Max Issues", "Review Date", "Additional Information");
    static final List<String> DISCONTINUED = List.of("Type", "Last Issued Date", "Medication Item", "Dosage Instruction", "Quantity",
            "Discontinued Date", "Discontinuation Reason", "Additional Information");
    static final List<String> ALL_MEDICATION = List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity",
            "Last Issued Date", "Number of Prescriptions Issued", "Discontinuation Details", "Additional Information");
    static final List<String> ALL_ISSUES = List.of("Type", "Issue Date", "Medication Item", "Dosage Instruction", "Quantity",
            "Days Duration", "Additional Information");
    static final List<String> PATIENT2_PROBLEMS = List.of("Mixed anxiety and depressive disorder", "Swelling of lower limb",
            "Upper respiratory infection", "Postviral cough", "Allergy to food", "Depressive disorder");

    // ---------------------------------------------------------------- Summary

    @Test
    void summaryOfPatient2() {
        XhtmlView view = view(PATIENT2, "SUM");
        assertThat(view.h1()).isEqualTo("Summary");
        // §5: Emergency Codes is not switched on, so it is not there
        assertThat(view.h2()).containsExactly("Last 3 Encounters", "Active Problems and Issues", "Major Inactive Problems and Issues",
                "Current Allergies and Adverse Reactions", "Acute Medication (Last 12 Months)", "Current Repeat Medication");
        assertThat(view.tableIds()).containsExactly("enc-tab", "prb-tab-act", "all-tab-curr", "med-tab-curr-rep");
        assertThat(view.headers("enc-tab")).containsExactly("Date", "Title", "Details");
        assertThat(view.rows("enc-tab")).containsExactly(
                List.of("01-Jun-2019", "Surgery Consultation", "Anxiety with Depression\nSwollen legs"),
                List.of("01-May-2019", "Surgery Consultation", "Anxiety with Depression\nUpper respiratory tract infection"),
                List.of("28-Mar-2019", "Surgery Consultation",
                        "Anxiety with Depression\nSwollen legs\nUpper respiratory tract infection\nKnee Pain"));
        assertThat(view.headers("prb-tab-act")).isEqualTo(PROBLEM_ACTIVE);
        assertThat(view.column("prb-tab-act", "Entry")).containsExactlyInAnyOrderElementsOf(PATIENT2_PROBLEMS);
        assertThat(noData(view.subsection("Major Inactive Problems and Issues")))
                .containsExactly("No 'Major Inactive Problems and Issues' data is recorded for this patient.");
        assertThat(view.rows("all-tab-curr")).containsExactly(List.of("27-Jul-1963", "Sesame oil (substance)\nReaction: Difficulty breathing (severe)"));
        assertThat(noData(view.subsection("Acute Medication (Last 12 Months)")))
                .containsExactly("No 'Acute Medication (Last 12 Months)' data is recorded for this patient.");
        // the one repeat still running (the others' shifted ends are last month)
        assertThat(view.column("med-tab-curr-rep", "Medication Item"))
                .containsExactly("Lantus 100units/ml solution for injection 3ml pre-filled SoloStar pen");
        // a section without date filter has no date banner at all (§4.2)
        assertThat(view.raw()).doesNotContain("date-banner");
        assertThat(banners(view.root(), "gptransfer-banner")).isEmpty();
    }

    // ---------------------------------------------------------------- Problems and Issues

    @Test
    void problemsOfPatient2() {
        XhtmlView view = view(PATIENT2, "PRB");
        assertThat(view.h1()).isEqualTo("Problems and Issues");
        assertThat(view.h2()).containsExactly("Active Problems and Issues", "Major Inactive Problems and Issues",
                "Other Inactive Problems and Issues");
        assertThat(view.headers("prb-tab-act")).isEqualTo(PROBLEM_ACTIVE);
        List<List<String>> active = view.rows("prb-tab-act");
        assertThat(active).hasSize(6).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("28-Mar-2019"));
        assertThat(active).extracting(r -> r.get(1)).containsExactlyInAnyOrderElementsOf(PATIENT2_PROBLEMS);
        assertThat(active).filteredOn(r -> r.get(1).equals("Depressive disorder")).extracting(r -> r.get(2)).containsExactly("Major");
        assertThat(active).filteredOn(r -> r.get(1).equals("Postviral cough")).extracting(r -> r.get(2)).containsExactly("Minor");
        // every subsection of a filterable section asked for without a range: "All relevant items"
        for (String title : view.h2()) {
            assertThat(banners(view.subsection(title), "date-banner")).containsExactly("All relevant items");
        }
        assertThat(noData(view.subsection("Other Inactive Problems and Issues")))
                .containsExactly("No 'Other Inactive Problems and Issues' data is recorded for this patient.");
    }

    // ---------------------------------------------------------------- Allergies

    @Test
    void allergiesOfPatient2() {
        XhtmlView view = view(PATIENT2, "ALL");
        assertThat(view.h1()).isEqualTo("Allergies and Adverse Reactions");
        assertThat(view.h2()).containsExactly("Current Allergies and Adverse Reactions", "Historical Allergies and Adverse Reactions");
        assertThat(view.headers("all-tab-curr")).containsExactly("Start Date", "Details");
        assertThat(view.headers("all-tab-hist")).containsExactly("Start Date", "End Date", "Details");
        assertThat(view.rows("all-tab-curr")).containsExactly(List.of("27-Jul-1963", "Sesame oil (substance)\nReaction: Difficulty breathing (severe)"));
        assertThat(view.rows("all-tab-hist")).containsExactly(List.of("12-Aug-1962", "01-Nov-2016",
                "Allergy to peanuts\nReaction: Diarrhoea and vomiting (mild)\nReason ended: Desensitised to Peanuts"));
        assertThat(view.raw()).doesNotContain("date-banner");
    }

    // ---------------------------------------------------------------- Medications

    @Test
    void medicationsOfPatient2() {
        XhtmlView view = view(PATIENT2, "MED");
        assertThat(view.h1()).isEqualTo("Medications");
        assertThat(view.h2()).containsExactly("Acute Medication (Last 12 Months)", "Current Repeat Medication",
                "Discontinued Repeat Medication", "All Medication", "All Medication Issues");
        assertThat(view.tableIds()).containsExactly("med-tab-curr-rep", "med-tab-all-sum", "med-tab-all-iss");
        assertThat(view.headers("med-tab-curr-rep")).isEqualTo(CURRENT_REPEAT);
        assertThat(view.headers("med-tab-all-sum")).isEqualTo(ALL_MEDICATION);
        assertThat(view.headers("med-tab-all-iss")).isEqualTo(ALL_ISSUES);
        assertThat(view.rows("med-tab-curr-rep")).containsExactly(List.of("Repeat", Medications.shifted("2018-01-15"),
                "Lantus 100units/ml solution for injection 3ml pre-filled SoloStar pen", "As directed", "",
                Medications.shifted("2018-08-27"), "9", "12", Medications.shifted("2018-12-14"), ""));
        for (String title : view.h2()) {
            assertThat(banners(view.subsection(title), "date-banner")).containsExactly("All relevant items");
        }
        // grouping rows per medication item, in name order; the confidential Amlodipine excluded, and said so
        List<List<String>> all = view.rows("med-tab-all-sum");
        assertThat(all).filteredOn(r -> r.size() == 1).extracting(r -> r.get(0)).containsExactly("Atorvastatin 20mg tablets",
                "Citalopram 20mg tablets", "Gliclazide 80mg tablets", "Lantus 100units/ml solution for injection 3ml pre-filled SoloStar pen",
                "Metformin 2G Modified-Release tablets", "Paracetamol 500mg tablets", "Sertraline 100mg tablets");
        assertThat(all).hasSize(14);
        assertThat(view.raw()).doesNotContain("Amlodipine");
        assertThat(banners(view.subsection("All Medication"), "exclusion-banner"))
                .containsExactly("Items excluded due to confidentiality and/or patient preferences");
        assertThat(banners(view.subsection("All Medication Issues"), "exclusion-banner")).hasSize(1);
        assertThat(banners(view.subsection("Current Repeat Medication"), "exclusion-banner")).isEmpty();
        // Additional Information: the reason, the linked problem; repeat dispensing: last authorised, issues authorised
        assertThat(row(all, "Sertraline 100mg tablets").get(8)).isEqualTo("Reason: Depressive Disorder\nLinked problem: Depressive disorder");
        assertThat(row(all, "Paracetamol 500mg tablets")).containsExactly("Acute", "28-Mar-2019", "Paracetamol 500mg tablets",
                "2 tablets up to four times a day", "", "28-Mar-2019", "1", "",
                "Reason: Upper respiratory infection\nLinked problem: Upper respiratory infection");
        List<String> metformin = row(all, "Metformin 2G Modified-Release tablets");
        assertThat(metformin.get(0)).isEqualTo("Repeat Dispense");
        assertThat(metformin.get(5)).as("§5: no last issued date for repeat dispensing").isEmpty();
        assertThat(metformin.get(6)).as("§5: no issue count for repeat dispensing").isEmpty();
        assertThat(metformin.get(8)).isEqualTo("Reason: Type 2 diabetes mellitus\nLast authorised: "
                + Medications.shifted("2017-11-22") + "\nNumber of issues authorised: 12");
        // issues of the items shown, newest first in each group; 11+3+11+9+12+1+11 issues, 7 grouping rows
        List<List<String>> issues = view.rows("med-tab-all-iss");
        assertThat(issues).hasSize(58 + 7);
        List<String> citalopram = issues.stream().filter(r -> r.size() > 1 && r.get(2).equals("Citalopram 20mg tablets"))
                .map(r -> r.get(1)).toList();
        assertThat(citalopram).containsExactly("01-Jun-2019", "01-May-2019", "28-Mar-2019");
        assertThat(issues.stream().filter(r -> r.size() > 1 && r.get(1).equals("28-Mar-2019") && r.get(2).startsWith("Citalopram"))
                .map(r -> r.get(5))).containsExactly("28");
        // grouping cells span every column, with their class and nowhere else
        Element group = view.cells("med-tab-all-sum").get(0).get(0);
        assertThat(group.getAttribute("class")).isEqualTo("med-item-column");
        assertThat(group.getAttribute("colspan")).isEqualTo("9");
        assertThat(view.cells("med-tab-all-iss").get(0).get(0).getAttribute("colspan")).isEqualTo("7");
        assertThat(view.cells("med-tab-curr-rep").get(0)).allSatisfy(td -> assertThat(td.getAttribute("class")).isNotEqualTo("med-item-column"));
    }

    // ---------------------------------------------------------------- single-table sections

    @Test
    void encountersOfPatient2() {
        XhtmlView view = view(PATIENT2, "ENC");
        assertThat(view.h1()).isEqualTo("Encounters");
        assertThat(view.h2()).isEmpty();
        assertThat(view.headers("enc-tab")).containsExactly("Date", "Title", "Details");
        assertThat(view.column("enc-tab", "Date")).containsExactly("01-Jun-2019", "01-May-2019", "28-Mar-2019");
        assertThat(bannerClasses(view.root())).containsExactly("date-banner");
        assertThat(banners(view.root(), "date-banner")).containsExactly("All relevant items");
    }

    @Test
    void observationsOfPatient2() {
        XhtmlView view = view(PATIENT2, "OBS");
        assertThat(view.h1()).isEqualTo("Observations");
        assertThat(view.headers("obs-tab")).containsExactly("Date", "Entry", "Value", "Range", "Details");
        assertThat(view.rows("obs-tab")).containsExactlyInAnyOrder(
                List.of("28-Mar-2019", "Temperature", "36.7 Cel", "", ""),
                List.of("28-Mar-2019", "Arterial oxygen saturation breathing room air at rest", "96 %", "", ""),
                List.of("28-Mar-2019", "Respiratory rate", "16 /min", "", ""),
                List.of("28-Mar-2019", "Blood pressure", "Systolic arterial pressure: 142 mm[Hg]\nDiastolic arterial pressure: 88 mm[Hg]", "", ""));
    }

    @Test
    void clinicalItemsOfPatient2() {
        // patient2's uncategorised entries all carry a value (they are observations): see the README's dataset note
        XhtmlView view = view(PATIENT2, "CLI");
        assertThat(view.h1()).isEqualTo("Clinical Items");
        assertThat(view.tableIds()).isEmpty();
        assertThat(banners(view.root(), "date-banner")).containsExactly("All relevant items");
        assertThat(noData(view.root())).containsExactly("No 'Clinical Items' data is recorded for this patient.");
    }

    @Test
    void immunisationsOfPatient2() {
        XhtmlView view = view(PATIENT2, "IMM");
        assertThat(view.h1()).isEqualTo("Immunisations");
        assertThat(view.headers("imm-tab")).containsExactly("Date", "Vaccination", "Part", "Contents", "Details");
        assertThat(view.rows("imm-tab")).containsExactly(List.of("28-Jun-2019", "First hepatitis A vaccination", "1", "",
                "Site: Right upper arm\nRoute: Subcutaneous route"));
        assertThat(view.cells("imm-tab").get(0).get(0).getAttribute("class")).isEqualTo("date-column");
        assertThat(view.cells("imm-tab").get(0).get(1).getAttribute("class")).isEmpty();
        assertThat(view.raw()).doesNotContain("date-banner");
    }

    @Test
    void referralsOfPatient2() {
        XhtmlView view = view(PATIENT2, "REF");
        assertThat(view.h1()).isEqualTo("Referrals");
        assertThat(view.headers("ref-tab")).containsExactly("Date", "From", "To", "Priority", "Details");
        assertThat(view.rows("ref-tab")).containsExactlyInAnyOrder(
                List.of("28-Mar-2019", "Miss Nichole Gilbert\nCOXWOLD SURGERY", "", "Routine", "Referral to physiotherapist"),
                List.of("28-Mar-2019", "Miss Nichole Gilbert\nCOXWOLD SURGERY", "", "Routine", "Referral to counselor"));
    }

    @Test
    void administrativeItemsOfPatient2() {
        XhtmlView view = view(PATIENT2, "ADM");
        assertThat(view.h1()).isEqualTo("Administrative Items");
        assertThat(view.headers("adm-tab")).containsExactly("Date", "Entry", "Details");
        assertThat(view.rows("adm-tab")).containsExactly(
                List.of("20-Jun-2016", "Influenza vaccination invitation sent", ""),
                List.of("10-Feb-2016", "Medication review invitation letter sent", "Second letter; telephone contact advised"),
                List.of("15-Jun-2015", "Did not attend appointment", "Routine diabetes review missed"));
    }

    // ---------------------------------------------------------------- a patient with no data (patient1)

    @Test
    void everySectionOfAPatientWithNoDataHasItsNoDataFragments() {
        for (String code : SECTIONS) {
            XhtmlView view = view(PATIENT1, code);
            assertThat(view.tableIds()).as(code).isEmpty();
            boolean filterable = FILTERABLE.contains(code);
            if (view.h2().isEmpty()) {
                assertThat(noData(view.root())).as(code).containsExactly("No '" + view.h1() + "' data is recorded for this patient.");
                assertThat(banners(view.root(), "date-banner")).as(code).isEqualTo(filterable ? List.of("All relevant items") : List.of());
            } else {
                for (String title : view.h2()) {
                    Element subsection = view.subsection(title);
                    assertThat(noData(subsection)).as(code + " " + title)
                            .containsExactly("No '" + title + "' data is recorded for this patient.");
                    assertThat(banners(subsection, "date-banner")).as(code + " " + title)
                            .isEqualTo(filterable ? List.of("All relevant items") : List.of());
                }
            }
        }
    }

    @Test
    void titlesOfEverySection() {
        List<String> titles = SECTIONS.stream().map(code -> view(PATIENT1, code).h1()).toList();
        assertThat(titles).containsExactly("Summary", "Problems and Issues", "Encounters", "Allergies and Adverse Reactions",
                "Medications", "Referrals", "Observations", "Immunisations", "Administrative Items", "Clinical Items");
    }

    @Test
    void recordInTransitCarriesTheGpTransferBanner() {
        XhtmlView view = view(PATIENT13, "ALL");
        // §4.1: right after the h1, before any subsection
        Element first = XhtmlView.children(view.root()).get(1);
        assertThat(first.getAttribute("class")).isEqualTo("gptransfer-banner");
        assertThat(first.getTextContent()).isEqualTo("Patient record transfer from previous GP practice not yet complete; "
                + "information recorded before 13-Jul-1962 may be missing");
    }

    private static List<String> row(List<List<String>> rows, String item) {
        return rows.stream().filter(r -> r.size() > 1 && r.get(2).equals(item)).findFirst().orElseThrow();
    }
}
