package org.gpconnect.appointment.foundations.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.gpconnect.appointment.foundations.mapping.PractitionerMapper;
import org.gpconnect.appointment.foundations.mapping.SearchsetBundles;
import org.gpconnect.appointment.foundations.service.PractitionerService;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * {@code GET [base]/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id|{id}} and
 * {@code GET [base]/Practitioner/{id}} (foundations.md §9.4). Practitioners are shared reference data.
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Practitioner")
public class PractitionerResource {

    private final PracticeLookup practices;
    private final PractitionerService practitioners;
    private final PractitionerMapper mapper;

    public PractitionerResource(PracticeLookup practices, PractitionerService practitioners, PractitionerMapper mapper) {
        this.practices = practices;
        this.practitioners = practitioners;
        this.mapper = mapper;
    }

    @GET
    @Compressed
    public Uni<Bundle> search(@PathParam("ods") String ods, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return practices.requireGpConnect(ods).chain(practice -> {
            String sdsUserId = IdentifierSearchParameter.PRACTITIONER.valueFrom(query);
            return practitioners.findBySdsUserId(sdsUserId)
                    .map(found -> SearchsetBundles.of(found.stream().map(mapper::toFhir).toList()));
        });
    }

    @GET
    @Path("/{id}")
    @Compressed
    public Uni<Response> read(@PathParam("ods") String ods, @PathParam("id") String id) {
        return practices.requireGpConnect(ods)
                .chain(practice -> practitioners.read(id))
                .map(mapper::toFhir)
                .map(ReadResponses::withETag);
    }
}
