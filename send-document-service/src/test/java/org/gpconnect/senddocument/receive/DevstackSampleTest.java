package org.gpconnect.senddocument.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.senddocument.support.SendDocumentFixture.acks;
import static org.gpconnect.senddocument.support.SendDocumentFixture.mesh;
import static org.gpconnect.senddocument.support.SendDocumentFixture.newSender;
import static org.gpconnect.senddocument.support.SendDocumentFixture.row;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.gpconnect.meshdouble.Samples;
import org.gpconnect.senddocument.support.MeshDoubleResource;
import org.gpconnect.senddocument.support.SendDocumentFixture.Ack;
import org.junit.jupiter.api.Test;

/** The sample report the local run drops into B82617's inbox is a valid Send Document message (§3). */
@QuarkusTest
class DevstackSampleTest {

    @Inject
    MailboxPoller poller;

    @Inject
    Pool pool;

    @Test
    void theLocalRunsSampleReportIsAcceptedForPatient2() {
        String sender = newSender();
        String id = Samples.depositConsultationReport(mesh(), sender, MeshDoubleResource.PRACTICE_MAILBOX);

        poller.pollAll("instance-a");

        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
        var document = row(pool, "SELECT w.display_text, d.patient_nhs_number FROM document d JOIN workflow_item w ON w.document_id = d.id"
                + " WHERE d.mesh_message_id = $1", id);
        assertThat(document.getString(0)).isEqualTo(Samples.CONSULTATION_REPORT_SUBJECT);
        assertThat(document.getString(1)).isEqualTo("9690937286");
    }
}
