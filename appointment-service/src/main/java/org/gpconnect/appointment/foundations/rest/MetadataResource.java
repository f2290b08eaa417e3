package org.gpconnect.appointment.foundations.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.gpconnect.appointment.foundations.mapping.CapabilityStatementFactory;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.hl7.fhir.dstu3.model.CapabilityStatement;

/** {@code GET [base]/metadata} (foundations.md §8): the CapabilityStatement of the addressed practice. */
@Path("/{ods}/STU3/1/gpconnect/fhir/metadata")
public class MetadataResource {

    private final PracticeLookup practices;
    private final CapabilityStatement statement;

    public MetadataResource(PracticeLookup practices, CapabilityStatementFactory factory) {
        this.practices = practices;
        this.statement = factory.build(ServedInteractions.ALL);
    }

    @GET
    @Compressed
    public Uni<CapabilityStatement> read(@PathParam("ods") String ods) {
        return practices.require(ods).replaceWith(statement);
    }
}
