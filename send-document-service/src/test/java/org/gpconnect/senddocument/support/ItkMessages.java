package org.gpconnect.senddocument.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.senddocument.itk.MessageSplitter;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Builds ITK3 Send Document messages as a sender would (send-document.md §3): a message Bundle with the
 * MessageHeader first, the header Organization and the document Bundle (Composition, Patient,
 * Practitioner, Organization, Binary PDF). Tests break one rule at a time with {@link #mutate}. Attachment
 * content is spliced into the encoded text, so a 20 MB report does not go through the HAPI model.
 */
public final class ItkMessages {

    public static final String SENDER_ODS = "Y12345";
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    public String trackingId = UUID.randomUUID().toString();
    public String messageHeaderId = UUID.randomUUID().toString();
    public String documentIdentifier = UUID.randomUUID().toString();
    public String nhsNumber = "9690937286";
    public String familyName = "SKELLY";
    public LocalDate birthDate = LocalDate.of(1925, 4, 21);
    public String senderOds = SENDER_ODS;
    public String replaces;
    public String narrative;
    private final List<String> contentTypes = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();
    private final List<Consumer<Bundle>> mutations = new ArrayList<>();

    private ItkMessages() {
    }

    /** A consultation report about patient2 (Horace SKELLY) with a small PDF. */
    public static ItkMessages consultationReport() {
        return new ItkMessages().attachment("application/pdf", PDF);
    }

    public ItkMessages patient(String nhs, String family, LocalDate dob) {
        this.nhsNumber = nhs;
        this.familyName = family;
        this.birthDate = dob;
        return this;
    }

    /** Replaces the attachments with this one (the primary). */
    public ItkMessages onlyAttachment(String contentType, byte[] content) {
        contentTypes.clear();
        contents.clear();
        return attachment(contentType, content);
    }

    public ItkMessages attachment(String contentType, byte[] content) {
        contentTypes.add(contentType);
        contents.add(content);
        return this;
    }

    public ItkMessages replaces(String documentIdentifier) {
        this.replaces = documentIdentifier;
        return this;
    }

    /** Changes the built message Bundle before it is encoded (break a rule). */
    public ItkMessages mutate(Consumer<Bundle> mutation) {
        mutations.add(mutation);
        return this;
    }

    /** The MESH subject the sender sets (send-document.md §2.2). */
    public String subject() {
        return "Consultation report for Horace " + familyName + ", NHS Number " + nhsNumber
                + ", seen at OUT OF HOURS SERVICE, ODS Code " + senderOds;
    }

    /** The MESH To of automatic routing (send-document.md §2.2). */
    public String automaticRoutingTo() {
        return "GPPROVIDER_" + nhsNumber + "_" + String.format("%02d%02d%04d", birthDate.getDayOfMonth(),
                birthDate.getMonthValue(), birthDate.getYear()) + "_" + familyName;
    }

    public byte[] xml() {
        return splice(FhirContexts.stu3().newXmlParser().setPrettyPrint(true).encodeResourceToString(build()));
    }

    public byte[] json() {
        return splice(FhirContexts.stu3().newJsonParser().encodeResourceToString(build()));
    }

    private byte[] splice(String encoded) {
        for (int i = 0; i < contents.size(); i++) {
            encoded = encoded.replace(MessageSplitter.marker(i), Base64.getEncoder().encodeToString(contents.get(i)));
        }
        return encoded.getBytes(StandardCharsets.UTF_8);
    }

    public Bundle build() {
        Organization headerOrganization = new Organization();
        headerOrganization.setId(UUID.randomUUID().toString());
        headerOrganization.setMeta(profile("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1"));
        headerOrganization.addIdentifier(new Identifier().setSystem("https://fhir.nhs.uk/Id/ods-organization-code").setValue(senderOds));
        headerOrganization.setName("OUT OF HOURS SERVICE");

        Patient patient = new Patient();
        patient.setId(UUID.randomUUID().toString());
        patient.setMeta(profile("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1"));
        patient.addIdentifier(new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber));
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(familyName).addGiven("Horace"));
        patient.getBirthDateElement().setValueAsString(birthDate.toString());

        Practitioner practitioner = new Practitioner();
        practitioner.setId(UUID.randomUUID().toString());
        practitioner.setMeta(profile("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Practitioner-1"));
        practitioner.addIdentifier(new Identifier().setSystem("https://fhir.nhs.uk/Id/sds-user-id").setValue("G12345678"));
        practitioner.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Jones").addPrefix("Dr"));

        Organization organization = new Organization();
        organization.setId(UUID.randomUUID().toString());
        organization.setMeta(profile("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Organization-1"));
        organization.addIdentifier(new Identifier().setSystem("https://fhir.nhs.uk/Id/ods-organization-code").setValue(senderOds));
        organization.setName("OUT OF HOURS SERVICE");
        organization.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("01234 567890"));

        Composition composition = new Composition();
        composition.setId(UUID.randomUUID().toString());
        composition.setMeta(profile("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Composition-1"));
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "371531000", "Report of clinical encounter")));
        composition.setDate(new Date());
        composition.setTitle("Consultation report");
        composition.setConfidentiality(Composition.DocumentConfidentiality.N);
        composition.setSubject(ref(patient));
        composition.addAuthor(ref(practitioner));
        composition.setCustodian(ref(organization));
        if (narrative != null) {
            composition.getText().setStatus(org.hl7.fhir.dstu3.model.Narrative.NarrativeStatus.GENERATED)
                    .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + narrative + "</div>");
        }
        if (replaces != null) {
            composition.addRelatesTo().setCode(Composition.DocumentRelationshipType.REPLACES)
                    .setTarget(new Identifier().setSystem("https://tools.ietf.org/html/rfc4122").setValue(replaces));
        }

        Bundle document = new Bundle();
        document.setId(UUID.randomUUID().toString());
        document.setMeta(profile("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1"));
        document.setIdentifier(new Identifier().setSystem("https://tools.ietf.org/html/rfc4122").setValue(documentIdentifier));
        document.setType(Bundle.BundleType.DOCUMENT);
        add(document, composition);
        for (int i = 0; i < contents.size(); i++) {
            Binary binary = new Binary();
            binary.setId(UUID.randomUUID().toString());
            binary.setMeta(profile("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Attachment-Binary-1"));
            binary.setContentType(contentTypes.get(i));
            binary.setContent((MessageSplitter.MARKER_PREFIX + i).getBytes(StandardCharsets.US_ASCII));
            composition.addSection().setTitle(i == 0 ? "Consultation report" : "Attachment " + i).addEntry(ref(binary));
            add(document, binary);
        }
        add(document, patient);
        add(document, practitioner);
        add(document, organization);

        MessageHeader header = new MessageHeader();
        header.setId(messageHeaderId);
        header.setMeta(profile("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2"));
        Extension handling = header.addExtension().setUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2");
        handling.addExtension("BusAckRequested", new BooleanType(true));
        handling.addExtension("InfAckRequested", new BooleanType(true));
        handling.addExtension("RecipientType", new Coding("https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1", "FA", "For Action"));
        handling.addExtension("MessageDefinition",
                new Reference("https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1"));
        handling.addExtension("SenderReference", new StringType("encounter-" + UUID.randomUUID()));
        handling.addExtension("LocalExtension", new StringType("SendDocument-ConsultationReport"));
        header.setEvent(new Coding("https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2", "ITK007C", "ITK GP Connect Send Document"));
        header.setTimestamp(new Date());
        header.getSource().setEndpoint("SENDER");
        header.setSender(ref(headerOrganization));
        header.addFocus(ref(document));

        Bundle message = new Bundle();
        message.setId(UUID.randomUUID().toString());
        message.setMeta(profile("https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1"));
        message.setIdentifier(new Identifier().setSystem("https://tools.ietf.org/html/rfc4122").setValue(trackingId));
        message.setType(Bundle.BundleType.MESSAGE);
        add(message, header);
        add(message, headerOrganization);
        add(message, document);
        mutations.forEach(m -> m.accept(message));
        return message;
    }

    /** The MessageHeader of a built message (for mutations). */
    public static MessageHeader header(Bundle message) {
        return (MessageHeader) message.getEntryFirstRep().getResource();
    }

    /** The handling extension of a built message (for mutations). */
    public static Extension handling(Bundle message) {
        return header(message).getExtensionByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2");
    }

    /** The document Bundle of a built message (for mutations). */
    public static Bundle document(Bundle message) {
        return (Bundle) message.getEntry().get(2).getResource();
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
    }

    private static Reference ref(Resource resource) {
        return new Reference("urn:uuid:" + resource.getIdElement().getIdPart());
    }

    private static Meta profile(String url) {
        return new Meta().addProfile(url);
    }
}
