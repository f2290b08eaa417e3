package org.gpconnect.accessrecord.html.rest;

import ca.uhn.fhir.model.dstu2.resource.Conformance;
import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.html.mapping.CareRecordConformance;
import org.gpconnect.accessrecord.structured.service.PracticeAccess;

/**
 * {@code GET [HTML base]/metadata} (access-record-html.md §1): the DSTU2 Conformance, built once, in
 * {@code application/json+fhir} unless XML is asked for; 403 {@code ACCESS DENIED} where Access Record HTML
 * is off at the practice.
 */
@Path("/{ods}/DSTU2/1/gpconnect/fhir/metadata")
public class CareRecordMetadataResource {

    private final PracticeAccess practices;
    private final Conformance conformance;

    public CareRecordMetadataResource(PracticeAccess practices, AccessRecordConfig config) {
        this.practices = practices;
        this.conformance = CareRecordConformance.build(config.software());
    }

    @GET
    @Compressed
    public Uni<Conformance> read(@PathParam("ods") String ods) {
        return practices.requireHtml(ods).replaceWith(conformance);
    }
}
