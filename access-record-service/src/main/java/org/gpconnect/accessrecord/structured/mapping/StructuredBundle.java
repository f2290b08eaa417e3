package org.gpconnect.accessrecord.structured.mapping;

import java.util.HashSet;
import java.util.Set;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.BundleType;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The response Bundle (access-record-structured.md §4): GPConnect-StructuredRecord-Bundle-1, type
 * collection, id = the request's Ssp-TraceID, no fullUrl, no versionId/lastUpdated. A resource with an id
 * goes in once however often it is added (an organisation referred to by several areas); resources
 * without an id (query lists, the warnings) always go in.
 */
public final class StructuredBundle {

    private final Bundle bundle = new Bundle();
    private final Set<String> present = new HashSet<>();

    public StructuredBundle(String traceId) {
        bundle.setId(traceId);
        bundle.getMeta().addProfile(CareConnectProfiles.STRUCTURED_RECORD_BUNDLE);
        bundle.setType(BundleType.COLLECTION);
    }

    public StructuredBundle add(Resource resource) {
        if (!resource.hasIdElement() || present.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart())) {
            bundle.addEntry().setResource(resource);
        }
        return this;
    }

    public Bundle toBundle() {
        return bundle;
    }
}
