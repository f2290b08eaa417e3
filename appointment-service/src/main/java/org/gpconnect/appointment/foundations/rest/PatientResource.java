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
import java.util.List;
import org.gpconnect.appointment.foundations.mapping.PatientMapper;
import org.gpconnect.appointment.foundations.mapping.SearchsetBundles;
import org.gpconnect.appointment.foundations.service.PatientService;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.gpconnect.common.security.InternalHeaders;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * {@code GET [base]/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}} and
 * {@code GET [base]/Patient/{id}} (foundations.md §9.1). Patients are per practice: only the addressed
 * practice's index is searched, and its Organization is the patients' managing organisation.
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Patient")
public class PatientResource {

    private final PracticeLookup practices;
    private final PatientService patients;
    private final PatientMapper mapper;

    public PatientResource(PracticeLookup practices, PatientService patients, PatientMapper mapper) {
        this.practices = practices;
        this.patients = patients;
        this.mapper = mapper;
    }

    @GET
    @Compressed
    public Uni<Bundle> search(@PathParam("ods") String ods, @Context UriInfo uri) {
        // the raw, multi-valued query: a repeated identifier must be seen, not collapsed to one value
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return practices.requireGpConnect(ods).chain(practice -> {
            String nhsNumber = IdentifierSearchParameter.PATIENT.valueFrom(query);
            return patients.findByNhsNumber(practice, nhsNumber)
                    .map(found -> SearchsetBundles.of(found
                            .map(patient -> List.of(mapper.toFhir(patient, practice.organizationId)))
                            .orElse(List.of())));
        });
    }

    @GET
    @Path("/{id}")
    @Compressed
    public Uni<Response> read(@PathParam("ods") String ods, @PathParam("id") String id) {
        return practices.requireGpConnect(ods)
                .chain(practice -> patients.read(practice, id).map(patient -> Response.fromResponse(
                                ReadResponses.withETag(mapper.toFhir(patient, practice.organizationId)))
                        // names the patient for the gateway's audit record; the gateway strips it
                        .header(InternalHeaders.AUDIT_PATIENT_NHS_NUMBER, patient.nhsNumber)
                        .build()));
    }
}
