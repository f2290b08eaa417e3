package org.gpconnect.appointment.foundations.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.dstu3.model.Resource;

/** The answer of a read: 200 with the resource and {@code ETag: W/"<versionId>"} (foundations.md §4 "Versioning"). */
final class ReadResponses {

    private ReadResponses() {
    }

    static Response withETag(Resource resource) {
        return Response.ok(resource).tag(new EntityTag(resource.getMeta().getVersionId(), true)).build();
    }
}
