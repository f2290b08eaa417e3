package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.document.DocumentRecord;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.repository.DocumentRepository;
import org.gpconnect.accessrecord.structured.repository.ReferralRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Outbound referrals (access-record-structured.md §6, §8): ReferralRequests kept by
 * {@code referralSearchPeriod} on their authored date (undated ones always), entries of "Outbound referral",
 * each with its supporting documents (DocumentReference, metadata only: {@link ReferralItems}).
 */
@ApplicationScoped
public class ReferralsSection implements AreaSection {

    private final ReferralRepository referrals;
    private final DocumentRepository documents;
    private final ReferralItems items;
    private final ZoneId zone;

    public ReferralsSection(ReferralRepository referrals, DocumentRepository documents, ReferralItems items,
                            AccessRecordConfig config) {
        this.referrals = referrals;
        this.documents = documents;
        this.items = items;
        this.zone = config.timeZone();
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.REFERRALS;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.REFERRAL_REQUEST);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        AreaQuery.Period q = (AreaQuery.Period) query;
        String patientId = context.patient().id();
        return referrals.forPatient(patientId).chain(all -> (all.isEmpty() ? Uni.createFrom().item(List.<DocumentRecord>of())
                : documents.forPatient(patientId)).map(docs -> {
            AreaContent content = new AreaContent();
            ListWarnings warnings = context.listWarnings();
            List<Reference> entries = new ArrayList<>();
            List<Resource> resources = new ArrayList<>();
            for (ReferralRecord r : all) {
                PartialDate authored = r.authoredOn() == null ? null : PartialDate.day(r.authoredOn().atZoneSameInstant(zone).toLocalDate());
                if (!PeriodFilter.keep(authored, q.period())) {
                    continue;
                }
                items.add(context, r, docs, warnings, content).ifPresent(referral -> {
                    entries.add(new Reference("ReferralRequest/" + r.id()));
                    resources.addAll(referral);
                });
            }
            content.add(ListFactory.primary(PrimaryList.REFERRALS, context.patientReference(), entries, warnings, context.created()));
            resources.forEach(content::add);
            return content;
        }));
    }

    static void refer(AreaContent content, ReferralRecord r) {
        content.refersToPractitioner(r.requesterId()).refersToOrganization(r.onBehalfOfOrganizationId())
                .refersToOrganization(r.recipientOrganizationId()).returned(r.id());
    }
}
