package org.gpconnect.accessrecord.structured.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.structured.mapping.StructuredCapabilityStatement;
import org.gpconnect.accessrecord.structured.service.ClinicalAreaSwitches;
import org.gpconnect.accessrecord.structured.service.PracticeAccess;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.CapabilityStatement;

/**
 * {@code GET [structured base]/metadata} (access-record-structured.md §12): the structured
 * CapabilityStatement, 403 {@code ACCESS DENIED} where Access Record Structured is off.
 */
@Path("/{ods}/STU3/1/gpconnect/structured/fhir/metadata")
public class StructuredMetadataResource {

    private final PracticeAccess practices;
    private final CapabilityStatement statement;

    public StructuredMetadataResource(PracticeAccess practices, ClinicalAreaSwitches switches, AccessRecordConfig config) {
        this.practices = practices;
        List<String> profiles = new ArrayList<>();
        switches.enabledEstateWide().forEach(area -> switches.section(area).ifPresent(s -> profiles.addAll(s.profiles())));
        // documents come inside consultations, problems and referrals (metadata only, §8)
        if (switches.enabledEstateWide().contains(ClinicalArea.DOCUMENTS) && switches.enabledEstateWide().stream()
                .anyMatch(a -> a == ClinicalArea.CONSULTATIONS || a == ClinicalArea.PROBLEMS || a == ClinicalArea.REFERRALS)) {
            profiles.add(CareConnectProfiles.DOCUMENT_REFERENCE);
        }
        this.statement = StructuredCapabilityStatement.build(config.software(), profiles);
        // HAPI drops "_history/n" from references when encoding; §12 wants those versions kept
        var options = FhirContexts.stu3().getParserOptions();
        Set<String> keep = new HashSet<>(options.getDontStripVersionsFromReferencesAtPaths());
        keep.addAll(StructuredCapabilityStatement.VERSIONED_REFERENCE_PATHS);
        options.setDontStripVersionsFromReferencesAtPaths(keep);
    }

    @GET
    @Compressed
    public Uni<CapabilityStatement> read(@PathParam("ods") String ods) {
        return practices.requireStructured(ods).replaceWith(statement);
    }
}
