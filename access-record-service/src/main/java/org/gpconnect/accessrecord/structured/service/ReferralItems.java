package org.gpconnect.accessrecord.structured.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.document.DocumentRecord;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.mapping.DocumentReferenceMapper;
import org.gpconnect.accessrecord.structured.mapping.ReferralRequestMapper;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * One outbound referral as it leaves the practice, wherever it is sent from (its area, a problem, a
 * consultation): not at all when it may not be shared; otherwise with its supporting documents
 * (access-record-structured.md §6 Referrals: "ReferralRequest, DocumentReference"), metadata only, as
 * {@code supportingInfo}. With documents switched off a supporting document is only the display
 * "Document items have been disabled" (§5) and the response warns; a document that may not be shared is
 * left out and the referral's list warns.
 */
@ApplicationScoped
public class ReferralItems {

    private final ReferralRequestMapper mapper;
    private final DocumentReferenceMapper documentMapper;

    public ReferralItems(ReferralRequestMapper mapper, DocumentReferenceMapper documentMapper) {
        this.mapper = mapper;
        this.documentMapper = documentMapper;
    }

    /**
     * @param documents the patient's documents (those supporting this referral are picked out)
     * @return the referral first, then its documents; empty when the referral may not be shared
     */
    public Optional<List<Resource>> add(RecordContext context, ReferralRecord r, List<DocumentRecord> documents,
                                        ListWarnings warnings, AreaContent content) {
        if (!context.shareable(r.sharing(), r.reasonCode(), warnings)) {
            return Optional.empty();
        }
        List<Resource> out = new ArrayList<>();
        ReferralRequest referral = mapper.toFhir(r, context.patientReference());
        out.add(referral);
        for (DocumentRecord d : documents) {
            if (!r.id().equals(d.referralId())) {
                continue;
            }
            if (!context.enabled(ClinicalArea.DOCUMENTS)) {
                referral.addSupportingInfo(new Reference().setDisplay(ClinicalArea.DOCUMENTS.disabledItemsDisplay()));
                content.linksToDisabled(ClinicalArea.DOCUMENTS);
                continue;
            }
            if (!context.shareable(d.sharing(), d.typeCode(), warnings)) {
                continue;
            }
            referral.addSupportingInfo(new Reference("DocumentReference/" + d.id()));
            out.add(documentMapper.toFhir(d, context.patientReference(), true));
            DocumentItems.refer(context, content, d);
        }
        ReferralsSection.refer(content, r);
        return Optional.of(out);
    }
}
