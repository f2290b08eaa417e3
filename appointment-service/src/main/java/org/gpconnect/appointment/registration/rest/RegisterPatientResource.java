package org.gpconnect.appointment.registration.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.foundations.mapping.PatientMapper;
import org.gpconnect.appointment.foundations.mapping.SearchsetBundles;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.gpconnect.appointment.registration.service.RegistrationService;
import org.gpconnect.common.security.InternalHeaders;
import org.gpconnect.common.security.RequestContexts;
import org.hl7.fhir.dstu3.model.Parameters;

/**
 * {@code POST [base]/Patient/$gpc.registerpatient} (foundations.md §9.2): a temporary registration so that a
 * federated appointment can be booked. The answer is 200 (not 201) with a GPConnect-Searchset-Bundle-1 holding the
 * Patient as §9.1 returns it, registration type {@code T}. A Foundations operation: GP Connect must be switched on
 * at the practice (§6). Its own class with the full path: the literal {@code $gpc.registerpatient} is matched before
 * {@code PatientResource}'s {@code /Patient/{id}}.
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Patient/$gpc.registerpatient")
public class RegisterPatientResource {

    private final PracticeLookup practices;
    private final RegistrationService registrations;
    private final PatientMapper mapper;
    private final RequestContexts requests;

    public RegisterPatientResource(PracticeLookup practices, RegistrationService registrations, PatientMapper mapper,
                                   RequestContexts requests) {
        this.practices = practices;
        this.registrations = registrations;
        this.mapper = mapper;
        this.requests = requests;
    }

    @POST
    public Uni<Response> register(@PathParam("ods") String ods, Parameters body) {
        ChangeAuthor author = ChangeAuthor.of(requests.current());
        return practices.requireGpConnect(ods).chain(practice -> registrations.register(practice, body, author)
                .map(patient -> Response.ok(SearchsetBundles.of(List.of(mapper.toFhir(patient, practice.organizationId))))
                        // names the patient for the gateway's audit record; the gateway strips it
                        .header(InternalHeaders.AUDIT_PATIENT_NHS_NUMBER, patient.nhsNumber)
                        .build()));
    }
}
