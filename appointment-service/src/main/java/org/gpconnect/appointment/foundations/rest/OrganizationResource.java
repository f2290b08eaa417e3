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
import org.gpconnect.appointment.foundations.mapping.OrganizationMapper;
import org.gpconnect.appointment.foundations.mapping.SearchsetBundles;
import org.gpconnect.appointment.foundations.service.OrganizationService;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * {@code GET [base]/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|{ods}} and
 * {@code GET [base]/Organization/{id}} (foundations.md §9.3). Organisations are shared reference data: any
 * served practice's base finds every organisation.
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Organization")
public class OrganizationResource {

    private final PracticeLookup practices;
    private final OrganizationService organizations;
    private final OrganizationMapper mapper;

    public OrganizationResource(PracticeLookup practices, OrganizationService organizations, OrganizationMapper mapper) {
        this.practices = practices;
        this.organizations = organizations;
        this.mapper = mapper;
    }

    @GET
    @Compressed
    public Uni<Bundle> search(@PathParam("ods") String ods, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return practices.requireGpConnect(ods).chain(practice -> {
            String odsCode = IdentifierSearchParameter.ORGANIZATION.valueFrom(query);
            return organizations.findByOdsCode(odsCode)
                    .map(found -> SearchsetBundles.of(found.stream().map(mapper::toFhir).toList()));
        });
    }

    @GET
    @Path("/{id}")
    @Compressed
    public Uni<Response> read(@PathParam("ods") String ods, @PathParam("id") String id) {
        return practices.requireGpConnect(ods)
                .chain(practice -> organizations.read(id))
                .map(mapper::toFhir)
                .map(ReadResponses::withETag);
    }
}
