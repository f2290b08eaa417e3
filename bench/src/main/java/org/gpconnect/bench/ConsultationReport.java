package org.gpconnect.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One ITK3 GP Connect Send Document consultation report (send-document.md §3) about patient2 of the standard
 * dataset (Horace SKELLY, 9690937286, registered at B82617, so the business ack is 30001), from an
 * out-of-hours service (Y12345), as FHIR XML with one PDF of the wanted size. The same shape as the MESH
 * double's sample and the service tests' ItkMessages, written out here because the bench must not depend on
 * test classes. Every report has fresh ids: the service refuses a repeated tracking or document id.
 */
final class ConsultationReport {

    static final String NHS_NUMBER = "9690937286";
    static final String SENDER_ODS = "Y12345";
    static final String SUBJECT = "Consultation report for Horace SKELLY, NHS Number " + NHS_NUMBER
            + ", seen at OUT OF HOURS SERVICE, ODS Code " + SENDER_ODS;

    /** The ITK tracking id (message Bundle.identifier): how events and the inbox name the report. */
    final String trackingId = UUID.randomUUID().toString();
    /** MessageHeader.id: what the acknowledgements answer (MessageHeader.response.identifier). */
    final String headerId = UUID.randomUUID().toString();
    final String documentIdentifier = UUID.randomUUID().toString();

    /** The message as the sender puts it on MESH: the PDF base64-encoded inside Binary.content. */
    byte[] xml(int pdfBytes, long seed) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();
        String head = HEAD.replace("{{TRACKING_ID}}", trackingId).replace("{{HEADER_ID}}", headerId)
                .replace("{{DOCUMENT_ID}}", documentIdentifier).replace("{{SENDER_REFERENCE}}", "OOH-" + trackingId)
                .replace("{{NOW}}", now);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdfBytes / 3 * 4 + HEAD.length() + TAIL.length() + 64);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Base64.getEncoder().encode(pdf(pdfBytes, seed)));
        out.writeBytes(TAIL.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * A PDF-like file of exactly {@code size} bytes: a real PDF header and trailer (the service checks for
     * {@code %PDF-}) around a stream of random bytes, because real reports are compressed PDFs, so neither
     * PostgreSQL nor anything else along the way gets an unrealistically compressible payload.
     */
    static byte[] pdf(int size, long seed) {
        byte[] head = "%PDF-1.4\n1 0 obj << /Length 0 >>\nstream\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = new byte[Math.max(size, head.length + tail.length)];
        new SplittableRandom(seed).nextBytes(pdf);
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
        return pdf;
    }

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Bundle xmlns="http://hl7.org/fhir">
              <id value="{{TRACKING_ID}}"/>
              <meta><profile value="https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1"/></meta>
              <identifier><system value="https://tools.ietf.org/html/rfc4122"/><value value="{{TRACKING_ID}}"/></identifier>
              <type value="message"/>
              <entry>
                <fullUrl value="urn:uuid:{{HEADER_ID}}"/>
                <resource>
                  <MessageHeader>
                    <id value="{{HEADER_ID}}"/>
                    <meta><profile value="https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2"/></meta>
                    <extension url="https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2">
                      <extension url="BusAckRequested"><valueBoolean value="true"/></extension>
                      <extension url="InfAckRequested"><valueBoolean value="true"/></extension>
                      <extension url="RecipientType"><valueCoding><system value="https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1"/><code value="FA"/><display value="For Action"/></valueCoding></extension>
                      <extension url="MessageDefinition"><valueReference><reference value="https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1"/></valueReference></extension>
                      <extension url="SenderReference"><valueString value="{{SENDER_REFERENCE}}"/></extension>
                      <extension url="LocalExtension"><valueString value="SendDocument-ConsultationReport"/></extension>
                    </extension>
                    <event><system value="https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2"/><code value="ITK007C"/><display value="ITK GP Connect Send Document"/></event>
                    <timestamp value="{{NOW}}"/>
                    <source><endpoint value="Y12345OT01"/></source>
                    <sender><reference value="urn:uuid:8a1c7f3e-1b2d-4c5e-9f60-7a8b9c0d1e21"/></sender>
                    <focus><reference value="urn:uuid:3c2b1a09-8f7e-4d6c-a5b4-c3d2e1f0a932"/></focus>
                  </MessageHeader>
                </resource>
              </entry>
              <entry>
                <fullUrl value="urn:uuid:8a1c7f3e-1b2d-4c5e-9f60-7a8b9c0d1e21"/>
                <resource>
                  <Organization>
                    <id value="8a1c7f3e-1b2d-4c5e-9f60-7a8b9c0d1e21"/>
                    <meta><profile value="https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1"/></meta>
                    <identifier><system value="https://fhir.nhs.uk/Id/ods-organization-code"/><value value="Y12345"/></identifier>
                    <name value="OUT OF HOURS SERVICE"/>
                  </Organization>
                </resource>
              </entry>
              <entry>
                <fullUrl value="urn:uuid:3c2b1a09-8f7e-4d6c-a5b4-c3d2e1f0a932"/>
                <resource>
                  <Bundle>
                    <id value="3c2b1a09-8f7e-4d6c-a5b4-c3d2e1f0a932"/>
                    <meta><profile value="https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1"/></meta>
                    <identifier><system value="https://tools.ietf.org/html/rfc4122"/><value value="{{DOCUMENT_ID}}"/></identifier>
                    <type value="document"/>
                    <entry>
                      <fullUrl value="urn:uuid:0f1e2d3c-4b5a-4697-8877-665544332211"/>
                      <resource>
                        <Composition>
                          <id value="0f1e2d3c-4b5a-4697-8877-665544332211"/>
                          <meta><profile value="https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Composition-1"/></meta>
                          <status value="final"/>
                          <type><coding><system value="http://snomed.info/sct"/><code value="371531000"/><display value="Report of clinical encounter"/></coding></type>
                          <subject><reference value="urn:uuid:6d5c4b3a-2918-4776-a655-443322110099"/></subject>
                          <date value="{{NOW}}"/>
                          <author><reference value="urn:uuid:9e8d7c6b-5a49-4382-b716-05f4e3d2c1b0"/></author>
                          <title value="Consultation report"/>
                          <confidentiality value="N"/>
                          <custodian><reference value="urn:uuid:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"/></custodian>
                          <section>
                            <title value="Consultation report"/>
                            <entry><reference value="urn:uuid:7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910"/></entry>
                          </section>
                        </Composition>
                      </resource>
                    </entry>
                    <entry>
                      <fullUrl value="urn:uuid:7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910"/>
                      <resource>
                        <Binary>
                          <id value="7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910"/>
                          <meta><profile value="https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Attachment-Binary-1"/></meta>
                          <contentType value="application/pdf"/>
                          <content value=\"""";

    private static final String TAIL = """
            "/>
                        </Binary>
                      </resource>
                    </entry>
                    <entry>
                      <fullUrl value="urn:uuid:6d5c4b3a-2918-4776-a655-443322110099"/>
                      <resource>
                        <Patient>
                          <id value="6d5c4b3a-2918-4776-a655-443322110099"/>
                          <meta><profile value="https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1"/></meta>
                          <identifier><system value="https://fhir.nhs.uk/Id/nhs-number"/><value value="9690937286"/></identifier>
                          <name><use value="official"/><family value="SKELLY"/><given value="Horace"/></name>
                          <birthDate value="1925-04-21"/>
                        </Patient>
                      </resource>
                    </entry>
                    <entry>
                      <fullUrl value="urn:uuid:9e8d7c6b-5a49-4382-b716-05f4e3d2c1b0"/>
                      <resource>
                        <Practitioner>
                          <id value="9e8d7c6b-5a49-4382-b716-05f4e3d2c1b0"/>
                          <meta><profile value="https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Practitioner-1"/></meta>
                          <identifier><system value="https://fhir.nhs.uk/Id/sds-user-id"/><value value="G12345678"/></identifier>
                          <name><use value="official"/><family value="JONES"/><prefix value="Dr"/></name>
                        </Practitioner>
                      </resource>
                    </entry>
                    <entry>
                      <fullUrl value="urn:uuid:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"/>
                      <resource>
                        <Organization>
                          <id value="1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"/>
                          <meta><profile value="https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Organization-1"/></meta>
                          <identifier><system value="https://fhir.nhs.uk/Id/ods-organization-code"/><value value="Y12345"/></identifier>
                          <name value="OUT OF HOURS SERVICE"/>
                          <telecom><system value="phone"/><value value="01234 567890"/></telecom>
                        </Organization>
                      </resource>
                    </entry>
                  </Bundle>
                </resource>
              </entry>
            </Bundle>
            """;
}
