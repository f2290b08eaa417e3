package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.ReferralRequest.ReferralCategory;
import org.hl7.fhir.dstu3.model.ReferralRequest.ReferralPriority;
import org.hl7.fhir.dstu3.model.ReferralRequest.ReferralRequestStatus;

/**
 * An outbound referral as a CareConnect-GPC-ReferralRequest-1 (access-record-structured.md §8): identifier
 * (and the e-RS UBRN when there is one), status {@code unknown} unless cancelled, intent {@code order},
 * subject, requester agent (and the organisation it acted for); priority, authored date, recipient, reason,
 * description and note when recorded.
 */
@ApplicationScoped
public class ReferralRequestMapper {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ClinicalResources resources;
    private final ZoneId zone;

    public ReferralRequestMapper(ClinicalResources resources, AccessRecordConfig config) {
        this.resources = resources;
        this.zone = config.timeZone();
    }

    public ReferralRequest toFhir(ReferralRecord r, Reference patient) {
        ReferralRequest referral = resources.stamp(new ReferralRequest(), r.id(), CareConnectProfiles.REFERRAL_REQUEST);
        referral.addIdentifier(resources.identifier(r.id()));
        if (r.ubrn() != null) {
            referral.addIdentifier(new Identifier().setSystem(IdentifierSystems.UBRN).setValue(r.ubrn()));
        }
        referral.setStatus(ReferralRequestStatus.fromCode(r.status()));
        referral.setIntent(ReferralCategory.ORDER);
        if (r.priority() != null) {
            referral.setPriority(ReferralPriority.fromCode(r.priority()));
        }
        referral.setSubject(patient.copy());
        if (r.authoredOn() != null) {
            referral.setAuthoredOnElement(new DateTimeType(DATE_TIME.format(r.authoredOn().atZoneSameInstant(zone))));
        }
        referral.getRequester().setAgent(ClinicalResources.practitioner(r.requesterId()));
        if (r.onBehalfOfOrganizationId() != null) {
            referral.getRequester().setOnBehalfOf(new Reference("Organization/" + r.onBehalfOfOrganizationId()));
        }
        if (r.recipientOrganizationId() != null) {
            referral.addRecipient(new Reference("Organization/" + r.recipientOrganizationId()));
        }
        if (r.reasonCode() != null) {
            referral.addReasonCode(ClinicalResources.snomed(r.reasonCode(), r.reasonText()));
        } else if (r.reasonText() != null) {
            referral.addReasonCode(new CodeableConcept().setText(r.reasonText()));
        }
        if (r.description() != null) {
            referral.setDescription(r.description());
        }
        if (r.note() != null) {
            referral.addNote(new Annotation().setText(r.note()));
        }
        return referral;
    }
}
