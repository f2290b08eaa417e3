package org.gpconnect.senddocument.itk;

import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.gpconnect.common.fhir.FhirContexts;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Builds ITK3 Response messages (send-document.md §4) with HAPI STU3: an ITK-Message-Bundle whose
 * MessageHeader has event {@code ITK008M}, a handling extension asking for no further acks, and a
 * {@code response} quoting the original MessageHeader id, with an ITK-Response-OperationOutcome carrying
 * the ITK response code and diagnostics. Sent in the format the original message came in.
 */
public final class ItkResponses {

    static final String RESPONSE_DEFINITION = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-Response-MessageDefinition-Instance-1";

    /** The serialised response: body and content type. */
    public record Encoded(byte[] body, String contentType) {
    }

    private ItkResponses() {
    }

    /**
     * @param code            the response code
     * @param diagnostics     error context (GPCM-SD-042), null for a positive response
     * @param originalId      MessageHeader.id of the message answered (the MESH message id when unreadable)
     * @param senderReference SenderReference of the original, echoed; "None" when unknown
     * @param responderOds    our practice's ODS code
     * @param responderName   its name
     * @param responderMailbox our MESH mailbox (source.endpoint)
     */
    public static Bundle response(AckCode code, String diagnostics, String originalId, String senderReference,
                                  String responderOds, String responderName, String responderMailbox) {
        String headerId = UUID.randomUUID().toString();
        String organizationId = UUID.randomUUID().toString();
        String outcomeId = UUID.randomUUID().toString();

        OperationOutcome outcome = new OperationOutcome();
        outcome.setId(outcomeId);
        outcome.setMeta(profile("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Response-OperationOutcome-1"));
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue();
        issue.setSeverity(code.positive() ? OperationOutcome.IssueSeverity.INFORMATION : OperationOutcome.IssueSeverity.FATAL);
        issue.setCode(code.positive() ? OperationOutcome.IssueType.INFORMATIONAL
                : code.business() ? OperationOutcome.IssueType.BUSINESSRULE : OperationOutcome.IssueType.STRUCTURE);
        issue.setDetails(new CodeableConcept().addCoding(new Coding(AckCode.SYSTEM, code.code(), code.display())));
        if (diagnostics != null) {
            issue.setDiagnostics(diagnostics);
        }

        Organization organization = new Organization();
        organization.setId(organizationId);
        organization.setMeta(profile("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1"));
        organization.addIdentifier(new Identifier().setSystem(ItkValidator.ODS_SYSTEM).setValue(responderOds));
        organization.setName(responderName);

        MessageHeader header = new MessageHeader();
        header.setId(headerId);
        header.setMeta(profile("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2"));
        Extension handling = header.addExtension().setUrl(ItkValidator.HANDLING_EXTENSION);
        handling.addExtension("BusAckRequested", new BooleanType(false));
        handling.addExtension("InfAckRequested", new BooleanType(false));
        handling.addExtension("RecipientType", new Coding(ItkValidator.RECIPIENT_TYPE_SYSTEM, "FA", "For Action"));
        handling.addExtension("MessageDefinition", new Reference(RESPONSE_DEFINITION));
        handling.addExtension("SenderReference", new StringType(senderReference == null ? "None" : senderReference));
        handling.addExtension("LocalExtension", new StringType("None"));
        header.setEvent(new Coding(ItkValidator.EVENT_SYSTEM, "ITK008M", "ITK Response"));
        header.setTimestamp(new Date());
        header.getSource().setEndpoint(responderMailbox);
        header.setSender(new Reference("urn:uuid:" + organizationId));
        header.getResponse()
                .setIdentifier(originalId)
                .setCode(code.positive() ? MessageHeader.ResponseType.OK : MessageHeader.ResponseType.FATALERROR)
                .setDetails(new Reference("urn:uuid:" + outcomeId));

        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setMeta(profile("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1"));
        bundle.setIdentifier(new Identifier().setSystem("https://tools.ietf.org/html/rfc4122").setValue(UUID.randomUUID().toString()));
        bundle.setType(Bundle.BundleType.MESSAGE);
        add(bundle, header);
        add(bundle, organization);
        add(bundle, outcome);
        return bundle;
    }

    public static Encoded encode(Bundle response, MessageSplitter.Format format) {
        IParser parser = format == MessageSplitter.Format.JSON
                ? FhirContexts.stu3().newJsonParser() : FhirContexts.stu3().newXmlParser();
        String contentType = format == MessageSplitter.Format.JSON ? "application/fhir+json" : "application/fhir+xml";
        return new Encoded(parser.encodeResourceToString(response).getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
    }

    private static Meta profile(String url) {
        return new Meta().addProfile(url);
    }
}
