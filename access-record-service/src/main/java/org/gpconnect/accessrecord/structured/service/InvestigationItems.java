package org.gpconnect.accessrecord.structured.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord.ResultRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.mapping.InvestigationMapper;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * One report as it leaves the practice, wherever it is sent from (its area, or a problem it is linked
 * to): not at all when the report is confidential or awaiting filing; without its confidential
 * observations (and a test group's confidential results) otherwise, the list warning either way (§7.3).
 */
@ApplicationScoped
public class InvestigationItems {

    private final InvestigationMapper mapper;

    public InvestigationItems(InvestigationMapper mapper) {
        this.mapper = mapper;
    }

    /** The report's resources (report first), or empty when it may not be shared. */
    public Optional<List<Resource>> add(RecordContext context, InvestigationRecord r, ListWarnings warnings, AreaContent content) {
        if (!context.shareable(r.sharing(), r.code(), warnings)) {
            return Optional.empty();
        }
        Set<UUID> withheld = new HashSet<>();
        for (ResultRecord o : r.observations()) {
            if (o.confidential() || context.sensitiveCodes().contains(o.code())) {
                withheld.add(o.id());
                warnings.confidentialItemExcluded();
            }
        }
        // a withheld test group takes its results with it (they would hang on nothing)
        List<ResultRecord> shared = r.observations().stream()
                .filter(o -> !withheld.contains(o.id()) && (o.groupId() == null || !withheld.contains(o.groupId())))
                .toList();
        content.returned(r.id()).refersToOrganization(r.performerOrganizationId());
        if (r.request() != null) {
            content.refersToPractitioner(r.request().requesterId());
        }
        shared.forEach(o -> content.refersToPractitioner(o.performerId()));
        return Optional.of(mapper.toFhir(r, shared, context.patientReference()));
    }
}
