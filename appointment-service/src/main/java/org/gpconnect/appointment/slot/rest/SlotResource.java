package org.gpconnect.appointment.slot.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.gpconnect.appointment.slot.SlotQuery;
import org.gpconnect.appointment.slot.mapping.SlotSearchBundleWriter;
import org.gpconnect.appointment.slot.service.SlotSearchService;
import org.gpconnect.common.fhir.FhirExchange;
import org.gpconnect.common.fhir.FhirFormat;

/**
 * {@code GET [base]/Slot?start=ge..&end=le..&status=free&_include=Slot:schedule[&_include:recurse=..][&searchFilter=..]}:
 * search for free slots (appointment-management.md §3). Only the addressed practice's slots are searched, and
 * dates are read and written in that practice's time zone. The Bundle comes as bytes already in the format
 * content negotiation chose (see {@link SlotSearchBundleWriter} for why), labelled as the FHIR writer labels
 * every resource.
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Slot")
public class SlotResource {

    private final PracticeLookup practices;
    private final SlotSearchService slots;
    private final SlotSearchBundleWriter bundles;
    private final FhirExchange exchange;

    public SlotResource(PracticeLookup practices, SlotSearchService slots, SlotSearchBundleWriter bundles, FhirExchange exchange) {
        this.practices = practices;
        this.slots = slots;
        this.bundles = bundles;
        this.exchange = exchange;
    }

    @GET
    @Compressed
    public Uni<Response> search(@PathParam("ods") String ods, @Context UriInfo uri) {
        // the raw, multi-valued query: repeated _include, _include:recurse and searchFilter all count, and a
        // repeated start or end must be seen to be refused
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        FhirFormat format = exchange.responseFormat();
        String mediaType = exchange.responseMediaType();
        return practices.requireAppointments(ods).chain(practice -> {
            ZoneId zone = ZoneId.of(practice.timeZone);
            SlotQuery slotQuery = SlotSearchParameters.parse(query, zone);
            return slots.search(practice, slotQuery).map(result -> Response.ok(bundles.write(result, zone, format))
                    .header(HttpHeaders.CONTENT_TYPE, mediaType)
                    .build());
        });
    }
}
