package org.gpconnect.senddocument.itk;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.identifier.NhsNumber;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Type;

/**
 * Validates an ITK3 Send Document message (send-document.md §3, §2.2 MESH metadata rules, §5 receiver
 * duties) and collects its facts. Every broken rule is an {@link ItkRejection} with the code of §4 and a
 * diagnostic naming the element; the §5 DECISION fixes the ambiguous ones: header faults 20006, missing
 * or invalid handling extension 10001, neither FHIR XML nor JSON 10009.
 */
public final class ItkValidator {

    public static final String WORKFLOW = "GPFED_CONSULT_REPORT";
    public static final String ACK_WORKFLOW = "GPFED_CONSULT_REPORT_ACK";
    static final String HANDLING_EXTENSION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2";
    static final String EVENT_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2";
    static final String RECIPIENT_TYPE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1";
    static final String MESSAGE_DEFINITION = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-";
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    static final String PDF = "application/pdf";
    /** MESH automatic routing (§2.2): [GPPROVIDER_]NHS number_DDMMYYYY_surname. */
    private static final Pattern AUTOMATIC_ROUTING = Pattern.compile("(?:GPPROVIDER_)?(\\d{10})_(\\d{8})_(.+)");
    private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMyyyy");

    /** The MESH side of the message: what the download's headers said. */
    public record MeshMetadata(String from, String to, String localId, String subject, String ourMailbox) {
    }

    private final Set<String> approvedContentTypes;

    public ItkValidator(Set<String> approvedContentTypes) {
        this.approvedContentTypes = approvedContentTypes;
    }

    /** Validates; fills {@code facts} as far as it gets, then throws the first rule broken. */
    public void validate(MessageSplitter.SplitMessage split, MeshMetadata mesh, ItkFacts facts) {
        facts.format = split.format();
        Bundle message = parse(split);
        if (message.getType() != Bundle.BundleType.MESSAGE) {
            throw header("Bundle.type must be 'message'");
        }
        facts.trackingId = message.getIdentifier().getValue();
        if (blank(facts.trackingId)) {
            throw header("Bundle.identifier (the ITK tracking id) is missing");
        }
        if (message.getEntry().isEmpty() || !(message.getEntryFirstRep().getResource() instanceof MessageHeader headerResource)) {
            throw header("the first entry of the message Bundle must be a MessageHeader");
        }
        MessageHeader header = headerResource;
        // HAPI takes a resource's id from its entry's fullUrl when that is a urn:uuid
        facts.messageHeaderId = stripUrn(header.getIdElement().getIdPart());
        if (blank(facts.messageHeaderId)) {
            throw header("MessageHeader.id is missing");
        }
        Map<String, Resource> messageEntries = index(message);
        handling(header, facts);
        Coding event = header.getEvent();
        if (!EVENT_SYSTEM.equals(event.getSystem()) || !"ITK007C".equals(event.getCode())) {
            throw header("MessageHeader.event must be " + EVENT_SYSTEM + " ITK007C (ITK GP Connect Send Document), was "
                    + event.getSystem() + " " + event.getCode());
        }
        if (header.hasDestination() || header.hasReceiver()) {
            throw header("MessageHeader.destination and MessageHeader.receiver must not be present (routing is by MESH)");
        }
        sender(header, messageEntries, mesh, facts);
        Bundle document = focus(header, messageEntries);
        document(document, mesh, split.attachments(), facts);
    }

    private Bundle parse(MessageSplitter.SplitMessage split) {
        IParser parser = split.format() == MessageSplitter.Format.XML
                ? FhirContexts.stu3().newXmlParser() : FhirContexts.stu3().newJsonParser();
        try {
            org.hl7.fhir.instance.model.api.IBaseResource resource =
                    parser.parseResource(new java.io.InputStreamReader(new ByteArrayInputStream(split.structure()), StandardCharsets.UTF_8));
            if (!(resource instanceof Bundle bundle)) {
                throw header("the message must be a FHIR Bundle, was " + resource.fhirType());
            }
            return bundle;
        } catch (DataFormatException e) {
            throw new ItkRejection(AckCode.UNREADABLE_MESSAGE, "The message cannot be read as FHIR STU3: " + e.getMessage());
        }
    }

    private static void handling(MessageHeader header, ItkFacts facts) {
        Extension handling = header.getExtensionByUrl(HANDLING_EXTENSION);
        if (handling == null) {
            throw new ItkRejection(AckCode.HANDLING_SPECIFICATION_ERROR,
                    "MessageHeader has no handling specification extension " + HANDLING_EXTENSION);
        }
        facts.infrastructureAckRequested = flag(handling, "InfAckRequested", AckCode.INFRASTRUCTURE_RESPONSE_VALUE_ERROR);
        facts.businessAckRequested = flag(handling, "BusAckRequested", AckCode.BUSINESS_RESPONSE_VALUE_ERROR);
        Type recipientType = value(handling, "RecipientType");
        if (!(recipientType instanceof Coding coding) || !RECIPIENT_TYPE_SYSTEM.equals(coding.getSystem())
                || !Set.of("FA", "FI").contains(coding.getCode())) {
            throw new ItkRejection(AckCode.RECIPIENT_TYPE_ERROR,
                    "Handling specification RecipientType must be " + RECIPIENT_TYPE_SYSTEM + " FA or FI");
        }
        Type definition = value(handling, "MessageDefinition");
        String url = definition instanceof Reference reference ? reference.getReference() : null;
        if (url == null || !url.startsWith(MESSAGE_DEFINITION)) {
            throw new ItkRejection(AckCode.MESSAGE_DEFINITION_ERROR,
                    "Handling specification MessageDefinition must be " + MESSAGE_DEFINITION + "1, was " + url);
        }
        if (!url.equals(MESSAGE_DEFINITION + "1")) {
            throw new ItkRejection(AckCode.MESSAGE_DEFINITION_VERSION_ERROR,
                    "Handling specification MessageDefinition version not supported: " + url);
        }
        Type senderReference = value(handling, "SenderReference");
        if (!(senderReference instanceof StringType reference) || blank(reference.getValue())) {
            throw new ItkRejection(AckCode.SENDER_REFERENCE_ERROR, "Handling specification SenderReference is missing");
        }
        facts.senderReference = reference.getValue();
        if (!(value(handling, "LocalExtension") instanceof StringType)) {
            throw new ItkRejection(AckCode.HANDLING_SPECIFICATION_ERROR, "Handling specification LocalExtension is missing");
        }
    }

    private static boolean flag(Extension handling, String name, AckCode code) {
        Type value = value(handling, name);
        if (value == null) {
            throw new ItkRejection(AckCode.HANDLING_SPECIFICATION_ERROR, "Handling specification " + name + " is missing");
        }
        if (!(value instanceof BooleanType flag) || !flag.hasValue()) {
            throw new ItkRejection(code, "Handling specification " + name + " must be a boolean");
        }
        if (!flag.booleanValue()) {
            // a GP Connect document message asks for both acknowledgements (send-document.md §3.1)
            throw new ItkRejection(AckCode.HANDLING_SPECIFICATION_BUSINESS_RULE_ERROR,
                    "Handling specification " + name + " must be true for a Send Document message");
        }
        return true;
    }

    private static Type value(Extension handling, String name) {
        Extension sub = handling.getExtensionByUrl(name);
        return sub == null ? null : sub.getValue();
    }

    private static void sender(MessageHeader header, Map<String, Resource> entries, MeshMetadata mesh, ItkFacts facts) {
        Resource sender = resolve(header.getSender(), entries);
        if (!(sender instanceof Organization organization)) {
            throw new ItkRejection(AckCode.UNRECOGNISED_SENDER, "MessageHeader.sender does not reference an Organization in the message");
        }
        facts.senderOds = identifier(organization.getIdentifier(), ODS_SYSTEM);
        facts.senderName = organization.getName();
        if (blank(facts.senderOds)) {
            throw new ItkRejection(AckCode.UNRECOGNISED_SENDER, "The sender Organization has no ODS code (" + ODS_SYSTEM + ")");
        }
        if (!blank(mesh.localId()) && !mesh.localId().equalsIgnoreCase(facts.senderOds)) {
            throw new ItkRejection(AckCode.UNRECOGNISED_SENDER, "MESH LocalID " + mesh.localId()
                    + " is not the sender's ODS code " + facts.senderOds + " (send-document.md §2.2)");
        }
    }

    private static Bundle focus(MessageHeader header, Map<String, Resource> entries) {
        if (header.getFocus().isEmpty()) {
            throw payload("MessageHeader.focus is missing");
        }
        Resource focus = resolve(header.getFocusFirstRep(), entries);
        if (!(focus instanceof Bundle document) || document.getType() != Bundle.BundleType.DOCUMENT) {
            throw payload("MessageHeader.focus must reference the document Bundle (type document)");
        }
        return document;
    }

    private void document(Bundle document, MeshMetadata mesh, List<ExtractedAttachment> extracted, ItkFacts facts) {
        facts.documentIdentifier = document.getIdentifier().getValue();
        if (blank(facts.documentIdentifier)) {
            throw payload("The document Bundle has no identifier");
        }
        Map<String, Resource> entries = index(document);
        Composition composition = document.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Composition.class::isInstance).map(Composition.class::cast).findFirst()
                .orElseThrow(() -> payload("The document Bundle has no Composition"));
        facts.title = composition.getTitle();
        Coding type = composition.getType().getCodingFirstRep();
        facts.documentType = type.hasCode() ? type.getSystem() + "|" + type.getCode() + "|" + type.getDisplay() : null;
        facts.documentDate = composition.hasDate() ? composition.getDate().toInstant() : null;
        for (Composition.CompositionRelatesToComponent relates : composition.getRelatesTo()) {
            if (relates.getCode() == Composition.DocumentRelationshipType.REPLACES && relates.getTarget() instanceof Identifier target) {
                facts.replacesIdentifier = target.getValue();
            }
        }
        patient(resolve(composition.getSubject(), entries), mesh, facts);
        attachments(composition, entries, extracted, facts);
    }

    private static void patient(Resource subject, MeshMetadata mesh, ItkFacts facts) {
        if (!(subject instanceof Patient patient)) {
            throw payload("Composition.subject does not reference a Patient in the document");
        }
        facts.patientNhsNumber = identifier(patient.getIdentifier(), NHS_NUMBER_SYSTEM);
        if (!NhsNumber.isValid(facts.patientNhsNumber)) {
            throw payload("The Patient has no valid NHS number (" + NHS_NUMBER_SYSTEM + ")");
        }
        HumanName official = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElseThrow(() -> payload("The Patient has no official name"));
        facts.patientFamilyName = official.getFamily();
        if (blank(facts.patientFamilyName) || !patient.hasBirthDate()) {
            throw payload("The Patient needs an official family name and a birth date");
        }
        String birthDate = patient.getBirthDateElement().getValueAsString();
        if (birthDate == null || birthDate.length() != 10) {
            throw payload("Patient.birthDate must be a full date (YYYY-MM-DD)");
        }
        facts.patientBirthDate = LocalDate.parse(birthDate);
        Matcher routed = mesh.to() == null ? null : AUTOMATIC_ROUTING.matcher(mesh.to());
        if (routed != null && routed.matches()) {
            boolean same = routed.group(1).equals(facts.patientNhsNumber)
                    && routed.group(2).equals(DDMMYYYY.format(facts.patientBirthDate))
                    && routed.group(3).equalsIgnoreCase(facts.patientFamilyName);
            if (!same) {
                throw payload("The Patient (NHS number, birth date, surname) does not match the MESH To field "
                        + mesh.to() + " (send-document.md §2.2)");
            }
        } else if (mesh.to() != null && !mesh.to().equalsIgnoreCase(mesh.ourMailbox())) {
            throw new ItkRejection(AckCode.UNRECOGNISED_RECIPIENT_ORGANISATION,
                    "MESH To " + mesh.to() + " is neither this practice's mailbox nor an automatic-routing address");
        }
    }

    private void attachments(Composition composition, Map<String, Resource> entries, List<ExtractedAttachment> extracted,
                             ItkFacts facts) {
        boolean first = true;
        for (Composition.SectionComponent section : composition.getSection()) {
            for (Reference entry : section.getEntry()) {
                if (!(resolve(entry, entries) instanceof Binary binary)) {
                    continue; // other clinical data (Observation, List, ...)
                }
                int index = MessageSplitter.markedIndex(binary.getContent());
                if (index < 0 || index >= extracted.size()) {
                    throw payload("A Binary has no content");
                }
                ExtractedAttachment content = extracted.get(index);
                String contentType = binary.getContentType() == null ? "" : binary.getContentType().toLowerCase(Locale.ROOT);
                if (content.size() == 0) {
                    throw payload("Binary " + binary.getIdElement().getIdPart() + " is empty");
                }
                if (!approvedContentTypes.contains(contentType)) {
                    throw new ItkRejection(AckCode.NON_APPROVED_FILE_TYPE,
                            "Attachment type '" + contentType + "' is not accepted here (accepted: " + approvedContentTypes + ")");
                }
                if (contentType.equals(PDF) && !startsWith(content.head(), "%PDF-")) {
                    throw new ItkRejection(AckCode.UNSUPPORTED_FILE_TYPE, "Attachment " + binary.getIdElement().getIdPart()
                            + " is declared application/pdf but its content is not a PDF");
                }
                if (first && !contentType.equals(PDF)) {
                    throw payload("The primary attachment (first section entry) must be a PDF");
                }
                facts.attachments.add(new ItkFacts.Attachment(index, contentType, first, content));
                first = false;
            }
        }
        if (facts.attachments.isEmpty()) {
            throw payload("The Composition references no Binary attachment (the report itself)");
        }
    }

    private static Map<String, Resource> index(Bundle bundle) {
        Map<String, Resource> entries = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                entries.put(entry.getFullUrl(), resource);
            }
            if (resource.getIdElement().hasIdPart()) {
                entries.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
                entries.putIfAbsent("urn:uuid:" + resource.getIdElement().getIdPart(), resource);
            }
        }
        return entries;
    }

    private static Resource resolve(Reference reference, Map<String, Resource> entries) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        return entries.get(reference.getReference());
    }

    private static String identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream().filter(i -> system.equals(i.getSystem())).map(Identifier::getValue).findFirst().orElse(null);
    }

    private static boolean startsWith(byte[] head, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (head.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (head[i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    private static String stripUrn(String id) {
        return id != null && id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ItkRejection header(String diagnostics) {
        return new ItkRejection(AckCode.HEADER_VALIDATION_FAILURE, diagnostics);
    }

    private static ItkRejection payload(String diagnostics) {
        return new ItkRejection(AckCode.PAYLOAD_VALIDATION_FAILURE, diagnostics);
    }
}
