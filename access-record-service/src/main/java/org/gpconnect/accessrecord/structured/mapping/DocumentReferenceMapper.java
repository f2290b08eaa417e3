package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.document.DocumentRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.Attachment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * A document as a CareConnect-GPC-DocumentReference-1 inside a structured record: <b>metadata only</b>
 * (access-record-structured.md §8; the binary is retrieved with Access Document, out of scope, so no
 * {@code attachment.data} and no {@code attachment.url}). Identifier, status (current or superseded), type,
 * subject, created (when written), indexed (when filed), author (an Organization of the record, else the
 * authoring organisation by ODS code), custodian (the practice), description, the attachment's content type,
 * size and title, and the consultation it was filed in ({@code context.encounter}).
 */
@ApplicationScoped
public class DocumentReferenceMapper {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ClinicalResources resources;
    private final ZoneId zone;

    public DocumentReferenceMapper(ClinicalResources resources, AccessRecordConfig config) {
        this.resources = resources;
        this.zone = config.timeZone();
    }

    /**
     * @param withEncounter whether the document's consultation is in the Bundle (so {@code context.encounter}
     *                      can refer to it without dangling)
     */
    public DocumentReference toFhir(DocumentRecord d, Reference patient, boolean withEncounter) {
        DocumentReference document = resources.stamp(new DocumentReference(), d.id(), CareConnectProfiles.DOCUMENT_REFERENCE);
        document.addIdentifier(resources.identifier(d.id()));
        document.setStatus("superseded".equals(d.status()) ? DocumentReferenceStatus.SUPERSEDED : DocumentReferenceStatus.CURRENT);
        CodeableConcept type = new CodeableConcept();
        if (d.typeCode() != null) {
            type.addCoding(new Coding(d.typeSystem() == null ? CareConnectProfiles.SNOMED : d.typeSystem(), d.typeCode(), d.typeDisplay()));
        }
        document.setType(type.setText(d.typeText()));
        document.setSubject(patient.copy());
        if (d.created() != null) {
            document.setCreatedElement(new DateTimeType(format(d.created())));
        }
        document.setIndexedElement(new InstantType(format(d.indexed())));
        if (d.authorOrganizationId() != null) {
            document.addAuthor(new Reference("Organization/" + d.authorOrganizationId()));
        } else if (d.authorOds() != null) {
            // an organisation this record holds no Organization for: a logical reference by ODS code
            document.addAuthor(new Reference()
                    .setIdentifier(new Identifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE).setValue(d.authorOds()))
                    .setDisplay("ODS code " + d.authorOds()));
        }
        document.setCustodian(new Reference("Organization/" + d.custodianOrganizationId()));
        if (d.description() != null) {
            document.setDescription(d.description());
        }
        Attachment attachment = new Attachment().setContentType(d.contentType());
        if (d.sizeBytes() != null && d.sizeBytes() <= Integer.MAX_VALUE) {
            attachment.setSize(d.sizeBytes().intValue());
        }
        if (d.attachmentTitle() != null) {
            attachment.setTitle(d.attachmentTitle());
        }
        document.addContent().setAttachment(attachment);
        if (withEncounter && d.encounterId() != null) {
            document.getContext().setEncounter(new Reference("Encounter/" + d.encounterId()));
        }
        return document;
    }

    private String format(OffsetDateTime at) {
        return DATE_TIME.format(at.atZoneSameInstant(zone));
    }
}
