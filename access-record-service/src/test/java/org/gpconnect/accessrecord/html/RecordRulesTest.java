package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;
import static org.gpconnect.accessrecord.html.Medications.display;
import static org.gpconnect.accessrecord.html.XhtmlView.banners;
import static org.gpconnect.accessrecord.html.XhtmlView.noData;
import static org.gpconnect.accessrecord.structured.StructuredApi.update;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of access-record-html.md §5 and §7 the dataset does not exercise, on rows added for patient 20
 * (who has no clinical data) and removed again: the medication subsections (acute in the last 12 months,
 * cancelled, discontinued, prescribed elsewhere), inactive problems by significance and date, clinical items
 * versus observations, exclusions and items awaiting filing.
 */
@QuarkusTest
class RecordRulesTest {

    private static final String TRAMADOL = "md5('B82617:medication:322623000')::uuid";

    @Inject
    Pool pool;

    @Test
    void medicationSubsections() {
        LocalDate today = LocalDate.now();
        insertMedication("a", "repeat", "stopped", "prescribed-at-gp-practice", today.minusDays(200), today.minusDays(30), "Side effects");
        insertMedication("b", "acute", "stopped", "prescribed-at-gp-practice", today.minusDays(10), today.minusDays(9), "Prescribed in error");
        insertMedication("c", "acute", "completed", "prescribed-at-gp-practice", today.minusDays(400), null, null);
        insertMedication("d", "repeat", "active", "prescribed-by-another-organisation", today.minusDays(100), null, null);
        update(pool, "INSERT INTO medication_issue (id, authorisation_id, issue_number, status, issue_date, validity_end, recorder_id) "
                + "VALUES (md5('test-html-issue-a')::uuid, md5('test-html-med-a')::uuid, 1, 'completed', $1, $2, '1')",
                today.minusDays(60), today.minusDays(32));
        try {
            XhtmlView view = view(PATIENT20, "MED");
            // acute in the last 12 months only; a cancelled one says so (§5 Additional Information)
            assertThat(view.rows("med-tab-acu-med")).containsExactly(List.of("Acute", display(today.minusDays(10)), "Tramadol 50mg capsules",
                    "Use as often as required", "", "", "", "CANCELLED: " + display(today.minusDays(9)) + " Prescribed in error"));
            // prescribed elsewhere: the agency in the type, no issue data (§5)
            assertThat(view.rows("med-tab-curr-rep")).containsExactly(List.of("Repeat - Prescribed by another organisation",
                    display(today.minusDays(100)), "Tramadol 50mg capsules", "Use as often as required", "", "", "", "", "", ""));
            assertThat(view.headers("med-tab-dis-rep")).isEqualTo(SectionsTest.DISCONTINUED);
            assertThat(view.rows("med-tab-dis-rep")).containsExactly(List.of("Repeat", display(today.minusDays(60)),
                    "Tramadol 50mg capsules", "Use as often as required", "", display(today.minusDays(30)), "Side effects", ""));
            // all four under one grouping row, newest first; the discontinued one with its details
            List<List<String>> all = view.rows("med-tab-all-sum");
            assertThat(all).hasSize(5);
            assertThat(all.get(0)).containsExactly("Tramadol 50mg capsules");
            assertThat(all.subList(1, 5)).extracting(r -> r.get(1)).containsExactly(display(today.minusDays(10)),
                    display(today.minusDays(100)), display(today.minusDays(200)), display(today.minusDays(400)));
            assertThat(all.get(3).get(7)).isEqualTo("DISCONTINUED: " + display(today.minusDays(30)) + "\nSide effects");
            assertThat(view.rows("med-tab-all-iss")).containsExactly(List.of("Tramadol 50mg capsules"),
                    List.of("Repeat", display(today.minusDays(60)), "Tramadol 50mg capsules", "Use as often as required", "", "28", ""));
            // the Summary shows the same acute and current repeat tables, without date banners
            XhtmlView summary = view(PATIENT20, "SUM");
            assertThat(summary.rows("med-tab-acu-med")).hasSize(1);
            assertThat(summary.rows("med-tab-curr-rep")).hasSize(1);
        } finally {
            update(pool, "DELETE FROM medication_issue WHERE id = md5('test-html-issue-a')::uuid");
            update(pool, "DELETE FROM medication_authorisation WHERE patient_id = '20'");
        }
    }

    @Test
    void inactiveProblemsBySignificanceAndDate() {
        insertProblem("1", "active", "major", "38341003", "Hypertension", "2014-01-01", "day", null);
        insertProblem("2", "inactive", "major", "195967001", "Asthma", "2015-06-01", "day", "2016-01-31");
        insertProblem("3", "inactive", "major", "22298006", "Myocardial infarction", "2012-02-14", "day", "2012-08-01");
        insertProblem("4", "inactive", "minor", "36971009", "Sinusitis", "2010-03-01", "month", "2010-12-01");
        try {
            XhtmlView view = view(PATIENT20, "PRB");
            assertThat(view.rows("prb-tab-act")).containsExactly(List.of("01-Jan-2014", "Hypertension", "Major", ""));
            assertThat(view.headers("prb-tab-majinact")).isEqualTo(SectionsTest.PROBLEM_INACTIVE);
            assertThat(view.rows("prb-tab-majinact")).containsExactly(
                    List.of("01-Jun-2015", "31-Jan-2016", "Asthma", "Major", ""),
                    List.of("14-Feb-2012", "01-Aug-2012", "Myocardial infarction", "Major", ""));
            // a month-precise onset shows only what is known
            assertThat(view.rows("prb-tab-othinact")).containsExactly(List.of("Mar-2010", "01-Dec-2010", "Sinusitis", "Minor", ""));
            // inactive problems are filtered on the period they were active; active ones never are
            XhtmlView filtered = view(PATIENT20, "PRB", period("2016-02", null));
            assertThat(filtered.rows("prb-tab-act")).hasSize(1);
            assertThat(noData(filtered.subsection("Major Inactive Problems and Issues")))
                    .containsExactly("No 'Major Inactive Problems and Issues' data is recorded for this patient.");
            XhtmlView early = view(PATIENT20, "PRB", period(null, "2010-03-15"));
            assertThat(early.column("prb-tab-othinact", "Entry")).containsExactly("Sinusitis");
            assertThat(early.hasTable("prb-tab-majinact")).isFalse();
            XhtmlView overlapping = view(PATIENT20, "PRB", period("2016-01-31", "2016-01-31"));
            assertThat(overlapping.column("prb-tab-majinact", "Entry")).containsExactly("Asthma");
            // the Summary's major inactive problems are not filtered and carry no banner
            assertThat(view(PATIENT20, "SUM").column("prb-tab-majinact", "Entry")).containsExactly("Asthma", "Myocardial infarction");
        } finally {
            update(pool, "DELETE FROM problem_header WHERE patient_id = '20'");
        }
    }

    @Test
    void clinicalItemsAreTheEntriesWithoutAMeasuredValue() {
        update(pool, "INSERT INTO observation (id, patient_id, kind, code, code_display, effective_date, effective_precision, issued, "
                + "performer_id, value_string, comment) VALUES (md5('test-html-cli')::uuid, '20', 'uncategorised', '37331000000100', "
                + "'Comment note', '2020-02-10', 'day', '2020-02-20T09:00:00Z', '1', 'seen in February', 'follow up')");
        update(pool, "INSERT INTO observation (id, patient_id, kind, code, code_display, effective_date, effective_precision, issued, "
                + "performer_id, value_quantity, value_unit, comment) VALUES (md5('test-html-obs')::uuid, '20', 'uncategorised', '27113001', "
                + "'Body weight', '2020-02-11', 'day', '2020-02-20T09:00:00Z', '1', 72.50, 'kg', 'fasting')");
        try {
            assertThat(view(PATIENT20, "CLI").rows("cli-tab")).containsExactly(List.of("10-Feb-2020", "Comment note", "seen in February\nfollow up"));
            assertThat(view(PATIENT20, "OBS").rows("obs-tab")).containsExactly(List.of("11-Feb-2020", "Body weight", "72.5 kg", "", "fasting"));
        } finally {
            update(pool, "DELETE FROM observation WHERE id IN (md5('test-html-cli')::uuid, md5('test-html-obs')::uuid)");
        }
    }

    @Test
    void confidentialItemsAreExcludedAndSaidSoItemsAwaitingFilingAreNotShown() {
        insertAdministrativeItem("1", "2018-01-01", "Registered for online services", "confidential = true");
        insertAdministrativeItem("2", "2018-02-01", "Letter received", "awaiting_filing_since = '2018-02-02'");
        insertAdministrativeItem("3", "2018-03-01", "Address changed", "confidential = false");
        try {
            XhtmlView view = view(PATIENT20, "ADM");
            assertThat(view.column("adm-tab", "Entry")).containsExactly("Address changed");
            assertThat(XhtmlView.bannerClasses(view.root())).containsExactly("date-banner", "exclusion-banner");
            assertThat(banners(view.root(), "exclusion-banner")).containsExactly("Items excluded due to confidentiality and/or patient preferences");
            // only the awaiting-filing one left out: not shown, no exclusion banner
            update(pool, "UPDATE administrative_item SET confidential = false WHERE id = md5('test-html-adm-1')::uuid");
            XhtmlView withheld = view(PATIENT20, "ADM");
            assertThat(withheld.column("adm-tab", "Entry")).containsExactly("Address changed", "Registered for online services");
            assertThat(banners(withheld.root(), "exclusion-banner")).isEmpty();
            // an excluded item outside the range is no exclusion from the range's table
            update(pool, "UPDATE administrative_item SET confidential = true WHERE id = md5('test-html-adm-1')::uuid");
            assertThat(banners(view(PATIENT20, "ADM", period("2018-03", null)).root(), "exclusion-banner")).isEmpty();
        } finally {
            update(pool, "DELETE FROM administrative_item WHERE patient_id = '20'");
        }
    }

    @Test
    void recordedTextIsAlwaysTextNeverMarkup() {
        String entry = "<script>alert(\"x\")</script> & 'Co' <b>bold</b> &amp; &#160;";
        update(pool, "INSERT INTO administrative_item (id, patient_id, entry_date, entry, details) "
                + "VALUES (md5('test-html-adm-x')::uuid, '20', '2018-01-01', $1, $2)", entry, "line one\nline two\twith a tab\u0001");
        try {
            String div = div(ok(request(PATIENT20, "ADM")).asString());
            XhtmlView view = XhtmlView.parse(div); // well-formed, only allowed elements: no <script>, no <b>
            assertThat(view.rows("adm-tab")).containsExactly(List.of("01-Jan-2018", entry, "line one\nline two with a tab"));
            assertThat(div).contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("&amp;lt;");
            // what a renderer shows is the recorded text, escaped once
            assertThat(view.root().getTextContent()).contains("<script>alert(\"x\")</script> & 'Co'").contains("&amp; &#160;");
        } finally {
            update(pool, "DELETE FROM administrative_item WHERE patient_id = '20'");
        }
    }

    private void insertMedication(String key, String type, String status, String agency, LocalDate start, LocalDate stopped, String reason) {
        update(pool, "INSERT INTO medication_authorisation (id, statement_id, patient_id, medication_id, status, statement_status, "
                + "prescription_type, prescribing_agency, effective_start, effective_start_precision, authored_on, date_asserted, "
                + "recorder_id, dosage_text, repeats_allowed, status_reason_date, status_reason, last_issue_date) VALUES "
                + "(md5('test-html-med-" + key + "')::uuid, md5('test-html-statement-" + key + "')::uuid, '20', " + TRAMADOL + ", $1, $1, $2, $3, "
                + "$4, 'day', $4, $4, '1', 'Use as often as required', NULL, $5, $6, $7)",
                status, type, agency, start, stopped, reason, "a".equals(key) ? LocalDate.now().minusDays(60) : null);
    }

    private void insertProblem(String key, String status, String significance, String code, String display, String onset,
                               String precision, String abatement) {
        update(pool, "INSERT INTO problem_header (id, patient_id, clinical_status, significance, code, code_display, onset_date, "
                + "onset_precision, abatement_date, asserted_date, asserter_id) VALUES (md5('test-html-problem-" + key + "')::uuid, '20', "
                + "$1, $2, $3, $4, $5, $6, $7, $5, '1')", status, significance, code, display, LocalDate.parse(onset), precision,
                abatement == null ? null : LocalDate.parse(abatement));
    }

    private void insertAdministrativeItem(String key, String date, String entry, String flag) {
        update(pool, "INSERT INTO administrative_item (id, patient_id, entry_date, entry) VALUES (md5('test-html-adm-" + key
                + "')::uuid, '20', '" + date + "', $1)", entry);
        update(pool, "UPDATE administrative_item SET " + flag + " WHERE id = md5('test-html-adm-" + key + "')::uuid");
    }
}
