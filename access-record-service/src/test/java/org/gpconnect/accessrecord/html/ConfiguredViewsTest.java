package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;
import static org.gpconnect.accessrecord.html.XhtmlView.banners;
import static org.gpconnect.accessrecord.structured.StructuredApi.update;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What configuration changes in the views: the Summary's Emergency Codes switched on by an emergency code list
 * (access-record-html.md §1.2, §5), the sensitive-data exclusion set (§7, security-and-audit.md P7) and a
 * shorter access period for deceased patients (§2).
 */
@QuarkusTest
@TestProfile(ConfiguredViewsTest.Profile.class)
class ConfiguredViewsTest {

    @Inject
    Pool pool;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // Resuscitation status entries and the (test) problem below are emergency codes
                    "gpconnect.access-record.html.emergency-codes", "304253006,38341003",
                    // Metformin (patient2) is in the exclusion set
                    "gpconnect.access-record.sensitive-exclusion-codes", "411533003",
                    "gpconnect.access-record.html.deceased-access-days", "7");
        }
    }

    @Test
    void emergencyCodesComeFirstInTheSummary() {
        update(pool, "INSERT INTO problem_header (id, patient_id, clinical_status, significance, code, code_display, onset_date, "
                + "onset_precision, asserted_date, asserter_id, note) VALUES (md5('test-html-emergency-1')::uuid, '20', 'active', 'major', "
                + "'38341003', 'Hypertension', '2014-01-01', 'day', '2014-01-01', '1', 'on three agents')");
        update(pool, "INSERT INTO observation (id, patient_id, kind, code, code_display, effective_date, effective_precision, issued, "
                + "performer_id, value_string) VALUES (md5('test-html-emergency-2')::uuid, '20', 'uncategorised', '304253006', "
                + "'Not for resuscitation', '2020-05-01', 'day', '2020-05-01T09:00:00Z', '1', 'DNACPR form signed')");
        try {
            XhtmlView view = view(PATIENT20, "SUM");
            assertThat(view.h2()).first().isEqualTo("Emergency Codes");
            assertThat(view.headers("cli-tab")).containsExactly("Date", "Entry", "Details", "Location of further information");
            assertThat(view.rows("cli-tab")).containsExactly(
                    List.of("01-May-2020", "Not for resuscitation", "DNACPR form signed", ""),
                    List.of("01-Jan-2014", "Hypertension", "on three agents", ""));
            assertThat(banners(view.subsection("Emergency Codes"), "date-banner")).isEmpty();
            // switched on, nothing recorded: the subsection is there with its "no data" fragment
            XhtmlView none = view(PATIENT1, "SUM");
            assertThat(XhtmlView.noData(none.subsection("Emergency Codes")))
                    .containsExactly("No 'Emergency Codes' data is recorded for this patient.");
        } finally {
            update(pool, "DELETE FROM problem_header WHERE id = md5('test-html-emergency-1')::uuid");
            update(pool, "DELETE FROM observation WHERE id = md5('test-html-emergency-2')::uuid");
        }
    }

    @Test
    void codesOfTheSensitiveExclusionSetAreExcluded() {
        XhtmlView view = view(PATIENT2, "MED");
        assertThat(view.raw()).doesNotContain("Metformin");
        assertThat(view.rows("med-tab-all-sum")).filteredOn(r -> r.size() == 1).extracting(r -> r.get(0))
                .doesNotContain("Metformin 2G Modified-Release tablets").contains("Sertraline 100mg tablets");
        assertThat(banners(view.subsection("All Medication"), "exclusion-banner")).hasSize(1);
    }

    @Test
    void theAccessPeriodForDeceasedPatientsIsConfigurable() {
        update(pool, "UPDATE patient SET deceased_date = current_date - 8 WHERE id = '20'");
        try {
            assertOutcome(post(request(PATIENT20, "SUM")), 404, "PATIENT_NOT_FOUND");
            update(pool, "UPDATE patient SET deceased_date = current_date - 7 WHERE id = '20'");
            ok(request(PATIENT20, "SUM"));
        } finally {
            update(pool, "UPDATE patient SET deceased_date = NULL WHERE id = '20'");
        }
    }
}
