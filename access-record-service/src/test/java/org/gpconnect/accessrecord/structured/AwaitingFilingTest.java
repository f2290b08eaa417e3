package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.junit.jupiter.api.Test;

/**
 * Data received electronically but not yet filed is never returned, and the list it would have been in
 * says so (access-record-structured.md §6, §7.3 data-awaiting-filing). Patient 20 holds no allergies of
 * its own; the rows are made here and removed after.
 */
@QuarkusTest
class AwaitingFilingTest {

    @Inject
    Pool pool;

    @Test
    void unfiledItemsAreLeftOutWithTheWarningAndTheirDate() {
        update(pool, "INSERT INTO allergy_intolerance (id, patient_id, clinical_status, category, code, code_display, asserted_date, "
                + "recorder_id, awaiting_filing_since) VALUES (md5('test-unfiled')::uuid, '20', 'active', 'medication', '293585002', "
                + "'Salicylate allergy', '2020-09-02', '1', '2020-09-02')");
        update(pool, "INSERT INTO allergy_intolerance (id, patient_id, clinical_status, category, code, code_display, asserted_date, "
                + "recorder_id, confidential) VALUES (md5('test-confidential')::uuid, '20', 'active', 'medication', '294716003', "
                + "'Biphasic insulin allergy', '2020-09-02', '1', true)");
        try {
            Bundle bundle = record(parameters(nhsNumber("9690938134"), allergies(false)));
            ListResource list = list(bundle, "Allergies and adverse reactions");
            assertThat(list.getEntry()).isEmpty();
            assertThat(warningCodes(list)).containsExactly("confidential-items", "data-awaiting-filing");
            // §7.3: several warnings: their notes concatenated
            assertThat(note(list)).isEqualTo(CONFIDENTIAL_NOTE + " Patient record contains some items in the GP practice workflow "
                    + "that have not been reviewed for inclusion in this message; information recorded before 02-Sep-2020 may be missing. "
                    + "Information not available");
        } finally {
            update(pool, "DELETE FROM allergy_intolerance WHERE patient_id = '20'");
        }
    }
}
