package org.gpconnect.accessrecord.structured.service;

import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.document.DocumentRecord;

/**
 * What a returned document refers to: the Organizations the Bundle must then hold, and the consultation it
 * was filed in (with consultations switched off that link is "Consultation items have been disabled", so the
 * response warns, §5 "requested or linked").
 */
final class DocumentItems {

    private DocumentItems() {
    }

    static void refer(RecordContext context, AreaContent content, DocumentRecord d) {
        content.refersToOrganization(d.authorOrganizationId()).refersToOrganization(d.custodianOrganizationId()).returned(d.id());
        if (d.encounterId() != null && !context.enabled(ClinicalArea.CONSULTATIONS)) {
            content.linksToDisabled(ClinicalArea.CONSULTATIONS);
        }
    }
}
