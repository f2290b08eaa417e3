package org.gpconnect.senddocument.receive;

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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gpconnect.meshdouble.MeshDouble;
import org.gpconnect.senddocument.itk.ItkValidator;
import org.gpconnect.senddocument.support.ItkMessages;
import org.gpconnect.senddocument.support.MeshDoubleResource;
import org.gpconnect.senddocument.support.SendDocumentFixture.Ack;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * Invalid messages get the matching negative infrastructure ack of send-document.md §4 with diagnostics
 * (GPCM-SD-040/041/042), are acknowledged in MESH, and nothing is passed downstream: no document, no
 * inbox item, a REJECTED event only. The §5 DECISION fixes header faults 20006, handling extension 10001,
 * unreadable 10009.
 */
@QuarkusTest
class InfrastructureAckTest {

    @Inject
    MailboxPoller poller;

    @Inject
    Pool pool;

    @Test
    void garbageIsUnreadable10009() {
        assertRejected(null, "this is not FHIR at all".getBytes(StandardCharsets.UTF_8), "10009");
        assertRejected(null, "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"message\"".getBytes(StandardCharsets.UTF_8), "10009");
        assertRejected(null, "{\"resourceType\":\"Bundle\",".getBytes(StandardCharsets.UTF_8), "10009");
        assertRejected(null, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, "10009");
    }

    @Test
    void xmlWithADoctypeIsRefused10009() {
        assertRejected(null, ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Bundle xmlns=\"http://hl7.org/fhir\"/>").getBytes(StandardCharsets.UTF_8), "10009");
    }

    @Test
    void missingHandlingSpecification10001() {
        ItkMessages m = ItkMessages.consultationReport().mutate(b -> ItkMessages.header(b).getExtension().clear());
        assertRejected(m, m.xml(), "10001");
    }

    @Test
    void infrastructureAckFlagNotBoolean10002() {
        ItkMessages m = ItkMessages.consultationReport().mutate(b -> ItkMessages.handling(b)
                .getExtensionByUrl("InfAckRequested").setValue(new StringType("yes")));
        assertRejected(m, m.xml(), "10002");
    }

    @Test
    void businessAckFlagNotBoolean10003() {
        ItkMessages m = ItkMessages.consultationReport().mutate(b -> ItkMessages.handling(b)
                .getExtensionByUrl("BusAckRequested").setValue(new StringType("yes")));
        assertRejected(m, m.xml(), "10003");
    }

    @Test
    void wrongMessageDefinition10004AndVersion10005() {
        ItkMessages wrong = ItkMessages.consultationReport().mutate(b -> ItkMessages.handling(b)
                .getExtensionByUrl("MessageDefinition").setValue(new Reference("https://example.org/MessageDefinition/other")));
        assertRejected(wrong, wrong.xml(), "10004");
        ItkMessages version = ItkMessages.consultationReport().mutate(b -> ItkMessages.handling(b)
                .getExtensionByUrl("MessageDefinition").setValue(new Reference(
                        "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-9")));
        assertRejected(version, version.xml(), "10005");
    }

    @Test
    void missingSenderReference10007() {
        ItkMessages m = ItkMessages.consultationReport().mutate(b -> ItkMessages.handling(b).getExtension()
                .removeIf(e -> e.getUrl().equals("SenderReference")));
        assertRejected(m, m.xml(), "10007");
    }

    @Test
    void acksNotRequested10008() {
        ItkMessages m = ItkMessages.consultationReport().mutate(b -> ItkMessages.handling(b)
                .getExtensionByUrl("BusAckRequested").setValue(new BooleanType(false)));
        assertRejected(m, m.xml(), "10008");
    }

    @Test
    void unknownRecipientType10010() {
        ItkMessages m = ItkMessages.consultationReport().mutate(b -> ItkMessages.handling(b)
                .getExtensionByUrl("RecipientType").setValue(new Coding("https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1", "XX", "?")));
        assertRejected(m, m.xml(), "10010");
    }

    @Test
    void meshToAnotherMailbox20002() {
        ItkMessages m = ItkMessages.consultationReport();
        String sender = newSender();
        String id = mesh().deposit(MeshDouble.Deposit.to(MeshDoubleResource.PRACTICE_MAILBOX).from(sender)
                .workflow(ItkValidator.WORKFLOW).subject(m.subject()).localId(m.senderOds).meshTo("OTHERMAILBOX")
                .body(m.xml(), "application/fhir+xml"));
        assertRejectedAfterPoll(sender, id, "20002");
    }

    @Test
    void senderWithoutOdsCodeOrLocalIdMismatch20003() {
        ItkMessages noOds = ItkMessages.consultationReport().mutate(b -> ((Organization) b.getEntry().get(1).getResource())
                .getIdentifier().clear());
        assertRejected(noOds, noOds.xml(), "20003");
        ItkMessages other = ItkMessages.consultationReport();
        String sender = newSender();
        String id = mesh().deposit(MeshDouble.Deposit.to(MeshDoubleResource.PRACTICE_MAILBOX).from(sender)
                .workflow(ItkValidator.WORKFLOW).subject(other.subject()).localId("Z99999")
                .body(other.xml(), "application/fhir+xml"));
        assertRejectedAfterPoll(sender, id, "20003");
    }

    @Test
    void nonApprovedAttachmentType20004() {
        ItkMessages m = ItkMessages.consultationReport().attachment("application/x-msdownload", new byte[]{'M', 'Z', 1, 2});
        assertRejected(m, m.xml(), "20004");
    }

    @Test
    void aPdfThatIsNotAPdf20005() {
        ItkMessages m = ItkMessages.consultationReport().onlyAttachment("application/pdf",
                "<html>not a pdf</html>".getBytes(StandardCharsets.US_ASCII));
        Ack ack = assertRejected(m, m.xml(), "20005");
        assertThat(ack.diagnostics()).contains("not a PDF");
    }

    @Test
    void headerFaults20006() {
        ItkMessages event = ItkMessages.consultationReport().mutate(b -> ItkMessages.header(b)
                .setEvent(new Coding("https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2", "ITK999X", "?")));
        assertRejected(event, event.xml(), "20006");
        ItkMessages destination = ItkMessages.consultationReport().mutate(b -> ItkMessages.header(b).addDestination()
                .setEndpoint("SOMEWHERE"));
        assertRejected(destination, destination.xml(), "20006");
        ItkMessages notMessage = ItkMessages.consultationReport().mutate(b -> b.setType(Bundle.BundleType.COLLECTION));
        assertRejected(notMessage, notMessage.json(), "20006");
    }

    @Test
    void payloadFaults20009() {
        ItkMessages noPatient = ItkMessages.consultationReport().mutate(b -> ItkMessages.document(b).getEntry()
                .stream().map(Bundle.BundleEntryComponent::getResource).filter(Composition.class::isInstance)
                .forEach(c -> ((Composition) c).setSubject(null)));
        assertRejected(noPatient, noPatient.xml(), "20009");
        ItkMessages badNhs = ItkMessages.consultationReport().patient("1234567891", "SKELLY", LocalDate.of(1925, 4, 21));
        assertRejected(badNhs, badNhs.xml(), "20009");
        ItkMessages noFocus = ItkMessages.consultationReport().mutate(b -> ItkMessages.header(b).getFocus().clear());
        assertRejected(noFocus, noFocus.xml(), "20009");
        ItkMessages brokenBase64 = ItkMessages.consultationReport();
        byte[] broken = new String(brokenBase64.xml(), StandardCharsets.UTF_8)
                .replace(java.util.Base64.getEncoder().encodeToString(ItkMessages.PDF), "%%%not-base64%%%").getBytes(StandardCharsets.UTF_8);
        assertRejected(brokenBase64, broken, "20009");
    }

    @Test
    void patientNotMatchingTheMeshToField20009() {
        ItkMessages m = ItkMessages.consultationReport();
        String sender = newSender();
        String id = mesh().deposit(MeshDouble.Deposit.to(MeshDoubleResource.PRACTICE_MAILBOX).from(sender)
                .workflow(ItkValidator.WORKFLOW).subject(m.subject()).localId(m.senderOds)
                .meshTo("GPPROVIDER_9690937278_11121938_SAMUAL") // patient1's routing address, patient2's payload
                .body(m.xml(), "application/fhir+xml"));
        Ack ack = assertRejectedAfterPoll(sender, id, "20009");
        assertThat(ack.diagnostics()).contains("MESH To");
    }

    @Test
    void unknownReplacementTarget20014() {
        ItkMessages m = ItkMessages.consultationReport().replaces(java.util.UUID.randomUUID().toString());
        assertRejected(m, m.xml(), "20014");
    }

    @Test
    void structureTooLarge20015() {
        ItkMessages m = ItkMessages.consultationReport();
        m.narrative = "x".repeat(300 * 1024); // the test limit of the structure is 256 KiB
        assertRejected(m, m.xml(), "20015");
    }

    private Ack assertRejected(ItkMessages message, byte[] body, String code) {
        String sender = newSender();
        String id = message == null
                ? mesh().deposit(MeshDouble.Deposit.to(MeshDoubleResource.PRACTICE_MAILBOX).from(sender)
                .workflow(ItkValidator.WORKFLOW).subject("garbage").body(body, "application/octet-stream"))
                : send(sender, message, body);
        return assertRejectedAfterPoll(sender, id, code);
    }

    private Ack assertRejectedAfterPoll(String sender, String messageId, String code) {
        poller.pollAll("instance-a");
        List<Ack> acks = acks(sender);
        assertThat(acks).as("acks for " + code).extracting(Ack::code).containsExactly(code);
        Ack ack = acks.get(0);
        assertThat(ack.responseCode()).isEqualTo("fatal-error");
        assertThat(ack.diagnostics()).isNotBlank();
        assertThat(mesh().message(messageId).acknowledged()).isTrue();
        // nothing passed downstream
        assertThat(count(pool, "SELECT count(*) FROM document WHERE mesh_message_id = $1", messageId)).isZero();
        String documentId = row(pool, "SELECT document_id::text FROM mesh_inbound_message WHERE message_id = $1", messageId).getString(0);
        assertThat(row(pool, "SELECT event_type FROM outbox_event WHERE event_key = $1", documentId).getString(0))
                .isEqualTo("gpconnect.document.rejected.v1");
        assertThat(row(pool, "SELECT infrastructure_ack_code FROM mesh_inbound_message WHERE message_id = $1", messageId).getString(0))
                .isEqualTo(code);
        return ack;
    }
}
