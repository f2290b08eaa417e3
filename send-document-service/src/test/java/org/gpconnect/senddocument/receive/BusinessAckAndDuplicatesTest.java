package org.gpconnect.senddocument.receive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.senddocument.support.SendDocumentFixture.acks;
import static org.gpconnect.senddocument.support.SendDocumentFixture.count;
import static org.gpconnect.senddocument.support.SendDocumentFixture.mesh;
import static org.gpconnect.senddocument.support.SendDocumentFixture.newSender;
import static org.gpconnect.senddocument.support.SendDocumentFixture.row;
import static org.gpconnect.senddocument.support.SendDocumentFixture.send;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Set;
import org.gpconnect.meshdouble.MeshDouble;
import org.gpconnect.senddocument.itk.ItkValidator;
import org.gpconnect.senddocument.support.ItkMessages;
import org.gpconnect.senddocument.support.MeshDoubleResource;
import org.gpconnect.senddocument.support.SendDocumentFixture.Ack;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/**
 * Business acks (send-document.md §5.2: 30001/30002/30003 by NHS number + DOB + surname against the
 * practice's registered patients), duplicates (§5.5: 20007/20008, and the same MESH message delivered
 * twice is processed once) and replacements (§5.4: the replaced document is archived).
 */
@QuarkusTest
class BusinessAckAndDuplicatesTest {

    @Inject
    MailboxPoller poller;

    @Inject
    Pool pool;

    @Test
    void patientNotKnownHere30002() {
        // valid NHS number, not registered at B82617
        assertBusinessAck(ItkMessages.consultationReport().patient("9000000009", "NOBODY", LocalDate.of(1970, 1, 1)), "30002");
    }

    @Test
    void registeredNhsNumberWithOtherDemographicsIsNotKnown30002() {
        assertBusinessAck(ItkMessages.consultationReport().patient("9690937286", "SKELLY", LocalDate.of(1950, 1, 1)), "30002");
    }

    @Test
    void patientNoLongerHere30003() {
        // patient21 (inactive registration) and patient18 (deceased)
        assertBusinessAck(ItkMessages.consultationReport().patient("9690938142", "BUCK", LocalDate.of(1999, 4, 13)), "30003");
        assertBusinessAck(ItkMessages.consultationReport().patient("9690938681", "ROONEY", LocalDate.of(1968, 2, 3)), "30003");
    }

    @Test
    void theSameMeshMessageDeliveredTwiceIsProcessedOnce() {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        String id = send(sender, report, report.xml());
        poller.pollAll("instance-a");
        assertThat(mesh().message(id).acknowledged()).isTrue();

        mesh().redeliver(id); // MESH lost our acknowledgement and lists the message again
        poller.pollAll("instance-b");

        assertThat(count(pool, "SELECT count(*) FROM document WHERE mesh_message_id = $1", id)).isEqualTo(1);
        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
        assertThat(mesh().downloadCount(id)).isEqualTo(1);
        String documentId = row(pool, "SELECT id::text FROM document WHERE mesh_message_id = $1", id).getString(0);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1", documentId)).isEqualTo(1);
    }

    @Test
    void theSameItkMessageInANewMeshMessageIsADuplicate20007() {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        byte[] body = report.xml();
        send(sender, report, body);
        poller.pollAll("instance-a");
        String resent = send(sender, report, body);
        poller.pollAll("instance-a");

        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001", "20007");
        assertThat(count(pool, "SELECT count(*) FROM document WHERE itk_tracking_id = $1", report.trackingId)).isEqualTo(1);
        assertThat(mesh().message(resent).acknowledged()).isTrue();
    }

    @Test
    void theSameDocumentInANewItkMessageIsADuplicate20008() {
        String sender = newSender();
        ItkMessages first = ItkMessages.consultationReport();
        send(sender, first, first.xml());
        ItkMessages again = ItkMessages.consultationReport();
        again.documentIdentifier = first.documentIdentifier;
        send(sender, again, again.xml());
        poller.pollAll("instance-a");

        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001", "20008");
        assertThat(count(pool, "SELECT count(*) FROM document WHERE document_identifier = $1", first.documentIdentifier)).isEqualTo(1);
    }

    @Test
    void aReplacementArchivesTheReplacedDocument() {
        String sender = newSender();
        ItkMessages original = ItkMessages.consultationReport();
        String originalMessage = send(sender, original, original.xml());
        poller.pollAll("instance-a");
        ItkMessages replacement = ItkMessages.consultationReport().replaces(original.documentIdentifier);
        String replacementMessage = send(sender, replacement, replacement.xml());
        poller.pollAll("instance-a");

        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001", "20013", "30001");
        var old = row(pool, "SELECT d.id::text, d.status, w.id::text, w.status FROM document d JOIN workflow_item w ON w.document_id = d.id"
                + " WHERE d.mesh_message_id = $1", originalMessage);
        assertThat(old.getString(1)).isEqualTo("ARCHIVED");
        assertThat(old.getString(3)).isEqualTo("ARCHIVED");
        var current = row(pool, "SELECT replaces_document_id::text, status FROM document WHERE mesh_message_id = $1", replacementMessage);
        assertThat(current.getString(0)).isEqualTo(old.getString(0));
        assertThat(current.getString(1)).isEqualTo("ACTIVE");

        // the archived item cannot be filed any more: the replacement is the one to file
        String token = InternalTokens.operator("gp-system-1", Set.of("practice-inbox"));
        given().auth().oauth2(token).post("/practice/B82617/inbox/" + old.getString(2) + "/filed").then().statusCode(409);
        // a second replacement of the archived original cannot be processed
        ItkMessages late = ItkMessages.consultationReport().replaces(original.documentIdentifier);
        send(sender, late, late.xml());
        poller.pollAll("instance-a");
        assertThat(acks(sender)).extracting(Ack::code).endsWith("20014");
    }

    @Test
    void anotherWorkflowIsLeftInMeshForItsApplication() {
        String id = mesh().deposit(MeshDouble.Deposit.to(MeshDoubleResource.PRACTICE_MAILBOX).from(newSender())
                .workflow("PATH_REPORT").subject("not ours").body(new byte[]{1, 2, 3}, "application/octet-stream"));
        poller.pollAll("instance-a");

        assertThat(mesh().message(id).acknowledged()).isFalse();
        assertThat(mesh().downloadCount(id)).isZero();
        assertThat(count(pool, "SELECT count(*) FROM mesh_inbound_message WHERE message_id = $1", id)).isZero();
        // and an ack workflow message in our inbox is not a document either
        assertThat(ItkValidator.WORKFLOW).isNotEqualTo(ItkValidator.ACK_WORKFLOW);
    }

    private void assertBusinessAck(ItkMessages message, String code) {
        String sender = newSender();
        String id = send(sender, message, message.xml());
        poller.pollAll("instance-a");
        var acks = acks(sender);
        assertThat(acks).extracting(Ack::code).containsExactly("20013", code);
        assertThat(acks.get(1).responseCode()).isEqualTo("fatal-error");
        // stored for the record of what was received, but no inbox item: the patient is not ours to file
        assertThat(count(pool, "SELECT count(*) FROM document WHERE mesh_message_id = $1", id)).isEqualTo(1);
        assertThat(count(pool, "SELECT count(*) FROM workflow_item w JOIN document d ON d.id = w.document_id WHERE d.mesh_message_id = $1", id)).isZero();
    }
}
