package org.gpconnect.appointment.foundations.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.gpconnect.appointment.foundations.mapping.LocationMapper;
import org.gpconnect.appointment.foundations.service.LocationService;
import org.gpconnect.appointment.practice.PracticeLookup;

/**
 * {@code GET [base]/Location/{id}} (foundations.md §9.5). Read only: GP Connect 1.x has no Location search,
 * so {@code GET [base]/Location} is not served.
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Location")
public class LocationResource {

    private final PracticeLookup practices;
    private final LocationService locations;
    private final LocationMapper mapper;

    public LocationResource(PracticeLookup practices, LocationService locations, LocationMapper mapper) {
        this.practices = practices;
        this.locations = locations;
        this.mapper = mapper;
    }

    @GET
    @Path("/{id}")
    @Compressed
    public Uni<Response> read(@PathParam("ods") String ods, @PathParam("id") String id) {
        return practices.requireGpConnect(ods)
                .chain(practice -> locations.read(id))
                .map(mapper::toFhir)
                .map(ReadResponses::withETag);
    }
}
